package io.atrium.connectors.sales;

import io.atrium.connectors.common.ConnectorRouteTestSupport;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.connectors.common.SourceValues;
import org.apache.camel.CamelExecutionException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sales route over a real (in-memory H2) sales database, each batch polled by the real
 * {@link SalesTablePoller}; the route's timer is replaced by a direct endpoint.
 */
class SalesPollingRouteTest extends ConnectorRouteTestSupport {

    private static final String POLL = "direct:sales-poll";
    /** An hour ago on the sales system's clock: well behind the watermark's cap. */
    private static final LocalDateTime AN_HOUR_AGO = LocalDateTime.now(SourceValues.SOURCE_ZONE).minusHours(1).withNano(0);

    private final JdbcDataSource salesDatabase = new JdbcDataSource();
    private Connection keepAlive;

    @BeforeEach
    void createSalesDatabase() throws Exception {
        salesDatabase.setURL("jdbc:h2:mem:sales-route-" + System.nanoTime());
        keepAlive = salesDatabase.getConnection();
        try (Statement ddl = keepAlive.createStatement()) {
            ddl.execute("""
                    CREATE TABLE sales_customer (cust_no VARCHAR(32) PRIMARY KEY, cust_name VARCHAR(100) NOT NULL,
                      mobile VARCHAR(40), cert_type VARCHAR(20), cert_no VARCHAR(40), gender VARCHAR(4), birthday DATE,
                      email VARCHAR(100), address VARCHAR(200), updated_at TIMESTAMP NOT NULL)""");
            ddl.execute("""
                    CREATE TABLE sales_contract (contract_no VARCHAR(32) PRIMARY KEY, cust_no VARCHAR(32) NOT NULL,
                      project_name VARCHAR(100) NOT NULL, unit_code VARCHAR(40) NOT NULL, area_sqm DECIMAL(10,2),
                      total_price DECIMAL(14,2) NOT NULL, status VARCHAR(10) NOT NULL, sign_date DATE,
                      updated_at TIMESTAMP NOT NULL)""");
        }
        start(new SalesPollingRoute((table, after, batchSize, sourceClock, alreadyTaken) ->
                        new SalesTablePoller(salesDatabase, progress, sink, quarantine, sourceClock, (source, position) -> { })
                                .pollOnce(table, after, batchSize, alreadyTaken)),
                Map.of("atrium.sales.batch-size", "2", "atrium.sales.clock-skew", "120000", "atrium.sales.poll-period", "60000"),
                SalesPollingRoute.ROUTE_ID, route -> route.replaceFromWith(POLL));
    }

    @AfterEach
    void dropSalesDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void goodRowsAreQueuedOnceAndBadOnesQuarantinedWithTheirKeyAndReasonAcrossBatches() throws Exception {
        customer("C-1", "陈美玲", "女", 1);
        customer("C-2", "陈美玲", "X", 2);
        customer("C-3", "' OR '1'='1' --", "男", 3);
        customer("C-4", " ", "男", 4);
        customer("C-5", "王芳", null, 5);
        contract("HT-1", "签约", 6);
        contract("HT-2", "作废", 7);

        template.sendBody(POLL, null);

        assertEquals(List.of("C-1", "C-3", "C-5", "HT-1"), deliveredSourceIds(), "a SQL-shaped name is a name, bound as a parameter");
        assertEquals(List.of("sales_customer cust_no=C-2", "sales_customer cust_no=C-4", "sales_contract contract_no=HT-2"),
                quarantinedPositions());
        for (RejectedInput rejected : quarantined) {
            assertTrue(rejected.format() == InputFormat.SALES_CUSTOMER_ROW || rejected.format() == InputFormat.SALES_CONTRACT_ROW);
            assertTrue(!rejected.reason().isBlank() && !rejected.reason().contains("陈美玲"), rejected.reason());
        }

        template.sendBody(POLL, null);
        assertEquals(4, delivered.size(), "rows read again within the clock skew are not queued twice");
        assertEquals(3, quarantined.size(), "nor quarantined twice");
        assertEquals(List.of(), reportedFailures);
    }

    @Test
    void aFailedDeliveryIsRetriedOnceAndAFailureThatLastsIsReportedWithTheWatermarkKept() throws Exception {
        customer("C-1", "陈美玲", "女", 1);
        customer("C-2", "陈美玲", "X", 2);
        sinkOutages.set(1);
        template.sendBody(POLL, null);
        assertEquals(2, deliveryAttempts.get(), "delivered on the error handler's retry");
        assertEquals(List.of("C-1"), deliveredSourceIds());
        assertEquals(List.of("sales_customer cust_no=C-2"), quarantinedPositions());

        customer("C-3", "王芳", "女", 3);
        sinkOutages.set(Integer.MAX_VALUE);
        assertThrows(CamelExecutionException.class, () -> template.sendBody(POLL, null));
        assertTrue(reportedFailures.get(0).startsWith("sales: IllegalStateException: resolver queue unavailable"),
                reportedFailures.get(0));

        sinkOutages.set(0);
        template.sendBody(POLL, null);
        assertEquals(List.of("C-1", "C-3"), deliveredSourceIds(), "the row of the failed poll was read again");
    }

    private void customer(String custNo, String name, String gender, int secondsLater) throws SQLException {
        try (PreparedStatement insert = keepAlive.prepareStatement(
                "INSERT INTO sales_customer (cust_no, cust_name, mobile, gender, updated_at) VALUES (?, ?, '13800138000', ?, ?)")) {
            insert.setString(1, custNo);
            insert.setString(2, name);
            insert.setString(3, gender);
            insert.setObject(4, AN_HOUR_AGO.plusSeconds(secondsLater));
            insert.executeUpdate();
        }
    }

    private void contract(String contractNo, String status, int secondsLater) throws SQLException {
        try (PreparedStatement insert = keepAlive.prepareStatement("INSERT INTO sales_contract (contract_no, cust_no, project_name,"
                + " unit_code, total_price, status, updated_at) VALUES (?, 'C-1', '翠湖花园', '3-1502', ?, ?, ?)")) {
            insert.setString(1, contractNo);
            insert.setBigDecimal(2, new BigDecimal("3650000.00"));
            insert.setString(3, status);
            insert.setObject(4, AN_HOUR_AGO.plusSeconds(secondsLater));
            insert.executeUpdate();
        }
    }
}
