package io.atrium.connectors.sales;

import io.atrium.connectors.common.InputFormat;

/** The two tables of the sales database the hub polls, each with its key column. */
public enum SalesTable {
    CUSTOMER("sales_customer", "cust_no", InputFormat.SALES_CUSTOMER_ROW),
    CONTRACT("sales_contract", "contract_no", InputFormat.SALES_CONTRACT_ROW);

    private final String tableName;
    private final String keyColumn;
    private final InputFormat format;

    SalesTable(String tableName, String keyColumn, InputFormat format) {
        this.tableName = tableName;
        this.keyColumn = keyColumn;
        this.format = format;
    }

    public String tableName() { return tableName; }
    public String keyColumn() { return keyColumn; }
    public InputFormat format() { return format; }
}
