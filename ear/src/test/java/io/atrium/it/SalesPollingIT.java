package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sales database as the sales system keeps it (the spec's two tables, created by
 * SalesDatabaseSession in the H2 file database the hub's SalesDS points at): new and changed rows reach the customer view,
 * ties on updated_at are broken by the key, a row the hub cannot map is quarantined with
 * its key and the rows after it go through. A row dated 2099 is delivered and reported and stops
 * nothing; a row committed late with an older updated_at, inside the clock skew, still arrives.
 */
class SalesPollingIT extends DeployedHub {

    @Test
    void changedRowsReachTheCustomerAndAnUnmappableRowIsQuarantined() throws SQLException {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run);
        String otherPhone = TestData.mobile(run + "b");
        LocalDateTime now = TestData.salesNow();
        try (Connection sales = SalesDatabaseSession.open()) {
            customer(sales, "C" + run + "1", "陈美玲", phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7), "女", now);
            contract(sales, "H" + run + "1", "C" + run + "1", "认购", null, now);
            // same updated_at: the tie is broken by the key, neither row is skipped
            contract(sales, "H" + run + "2", "C" + run + "1", "作废", null, now);
            customer(sales, "C" + run + "2", "王芳", otherPhone, "女", now);

            JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> HubClient.facts(c, "CONTRACT").size() == 1);
            assertEquals("RESERVED", HubClient.facts(customer, "CONTRACT").get(0).get("data").get("status").asText());
            assertEquals("F", customer.get("golden").get("gender").get("value").asText());
            hub.awaitCustomerWithPhone(otherPhone, 1);
            JsonNode quarantined = hub.awaitQuarantined("sales_contract contract_no=H" + run + "2");
            assertEquals("sales", quarantined.get("source").asText());

            try (PreparedStatement sign = sales.prepareStatement(
                    "UPDATE sales_contract SET status = '签约', sign_date = ?, updated_at = ? WHERE contract_no = ?")) {
                sign.setObject(1, LocalDate.of(2026, 3, 1));
                sign.setObject(2, now.plusSeconds(1));
                sign.setString(3, "H" + run + "1");
                sign.executeUpdate();
            }
            customer = hub.awaitCustomerWithPhone(phone,
                    c -> "SIGNED".equals(HubClient.facts(c, "CONTRACT").get(0).get("data").get("status").asText()));
            assertEquals(1, HubClient.facts(customer, "CONTRACT").size(), "an updated row replaces its fact");
            assertEquals("2026-03-01", HubClient.facts(customer, "CONTRACT").get(0).get("data").get("signDate").asText());
        }
    }

    @Test
    void aRowDatedFarAheadIsReportedAndStopsNothingAndALateCommittedRowStillArrives() throws SQLException {
        HubClient hub = hub();
        String run = TestData.runId();
        LocalDateTime now = TestData.salesNow();
        long futureDatedBefore = hub.connectorFigure("sales", "futureDated");
        try (Connection sales = SalesDatabaseSession.open()) {
            String futurePhone = TestData.mobile(run + "f");
            customer(sales, "F" + run, "赵磊", futurePhone, "男", LocalDateTime.of(2099, 1, 1, 0, 0));
            try {
                hub.awaitCustomerWithPhone(futurePhone, 1);
                hub.awaitConnectorFigure("sales", "futureDated", futureDatedBefore + 1);

                // the sales system goes on with its real clock: rows after the 2099 one arrive
                String nextPhone = TestData.mobile(run + "n");
                customer(sales, "N" + run, "孙丽", nextPhone, "女", now.plusSeconds(4));
                hub.awaitCustomerWithPhone(nextPhone, 1);
                // committed after that row was read, with an older updated_at, inside the skew the hub reads again
                String latePhone = TestData.mobile(run + "l");
                customer(sales, "L" + run, "周杰", latePhone, "男", now.plusSeconds(3));
                hub.awaitCustomerWithPhone(latePhone, 1);
            } finally {
                // the sales database is shared by the suite: a row dated 2099 would be read on every poll after this test
                try (PreparedStatement delete = sales.prepareStatement("DELETE FROM sales_customer WHERE cust_no = ?")) {
                    delete.setString(1, "F" + run);
                    delete.executeUpdate();
                }
            }
        }
    }

    @Test
    void theConnectorRecoversWhenTheSalesDatabaseRestartsUnderItsPooledConnections() throws SQLException {
        HubClient hub = hub();
        String run = TestData.runId();
        String before = TestData.mobile(run + "r");
        try (Connection sales = SalesDatabaseSession.open()) {
            customer(sales, "R" + run + "1", "吴敏", before, "女", TestData.salesNow());
        }
        // the hub has read the database: SalesDS holds a pooled connection to it
        hub.awaitCustomerWithPhone(before, 1);
        // the sales database stops and opens again: every connection the hub holds to it is closed under it
        try (Connection sales = SalesDatabaseSession.open(); Statement shutdown = sales.createStatement()) {
            shutdown.execute("SHUTDOWN");
        } catch (SQLException closedByItsOwnShutdown) {
            // a client of the database's server learns of the shutdown as its own connection breaking
            if (closedByItsOwnShutdown.getErrorCode() != ErrorCode.CONNECTION_BROKEN_1) {
                throw closedByItsOwnShutdown;
            }
        }
        String after = TestData.mobile(run + "s");
        try (Connection sales = SalesDatabaseSession.open()) {
            customer(sales, "R" + run + "2", "吴敏", after, "女", TestData.salesNow());
        }
        // a pool handing out the closed connection again would fail every poll from now on
        hub.awaitCustomerWithPhone(after, 1);
    }

    static void customer(Connection sales, String custNo, String name, String mobile, String gender,
                                 LocalDateTime updatedAt) throws SQLException {
        try (PreparedStatement insert = sales.prepareStatement("INSERT INTO sales_customer "
                + "(cust_no, cust_name, mobile, cert_type, cert_no, gender, birthday, updated_at) VALUES (?, ?, ?, '身份证', NULL, ?, ?, ?)")) {
            insert.setString(1, custNo);
            insert.setString(2, name);
            insert.setString(3, mobile);
            insert.setString(4, gender);
            insert.setObject(5, TestData.birthDate(custNo));
            insert.setObject(6, updatedAt);
            insert.executeUpdate();
        }
    }

    private static void contract(Connection sales, String contractNo, String custNo, String status, LocalDate signDate,
                                 LocalDateTime updatedAt) throws SQLException {
        try (PreparedStatement insert = sales.prepareStatement("INSERT INTO sales_contract "
                + "(contract_no, cust_no, project_name, unit_code, area_sqm, total_price, status, sign_date, updated_at)"
                + " VALUES (?, ?, '翠湖花园', '3-1502', 89.50, ?, ?, ?, ?)")) {
            insert.setString(1, contractNo);
            insert.setString(2, custNo);
            insert.setBigDecimal(3, new BigDecimal("3650000.00"));
            insert.setString(4, status);
            insert.setObject(5, signDate);
            insert.setObject(6, updatedAt);
            insert.executeUpdate();
        }
    }
}
