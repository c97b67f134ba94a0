package io.atrium.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the sales system's tables (the spec's schema) in the H2 file database the IT
 * server's SalesDS reads, before the server boots and starts polling it: the sales system
 * exists before the hub does.
 */
public class SalesDatabaseSession implements LauncherSessionListener {

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS sales_customer (
              cust_no VARCHAR(32) PRIMARY KEY, cust_name VARCHAR(100) NOT NULL, mobile VARCHAR(40),
              cert_type VARCHAR(20), cert_no VARCHAR(40), gender VARCHAR(4), birthday DATE,
              email VARCHAR(100), address VARCHAR(200), updated_at TIMESTAMP NOT NULL);
            CREATE TABLE IF NOT EXISTS sales_contract (
              contract_no VARCHAR(32) PRIMARY KEY, cust_no VARCHAR(32) NOT NULL, project_name VARCHAR(100) NOT NULL,
              unit_code VARCHAR(40) NOT NULL, area_sqm DECIMAL(10,2), total_price DECIMAL(14,2) NOT NULL,
              status VARCHAR(10) NOT NULL, sign_date DATE, updated_at TIMESTAMP NOT NULL);
            """;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("atrium.it.data.dir") == null) {
            return;
        }
        try (Connection sales = open(); Statement ddl = sales.createStatement()) {
            ddl.execute(SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("the sales test database cannot be created", e);
        }
    }

    /** The database as its clients reach it; AUTO_SERVER lets the test and the server share the file. */
    static Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + TestData.serverData().resolve("sales/sales") + ";AUTO_SERVER=TRUE", "sa", "sa");
    }
}
