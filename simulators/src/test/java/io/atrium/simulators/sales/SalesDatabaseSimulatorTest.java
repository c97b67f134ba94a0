package io.atrium.simulators.sales;

import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Script;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesDatabaseSimulatorTest {

    private static final Population POPULATION = Script.CHINESE.generate(8, 2000);
    @Test
    void worksOnH2() throws Exception {
        customersAndContractsAreWrittenAndReservationsConcluded("jdbc:h2:mem:sales-test;DB_CLOSE_DELAY=-1", "sa");
    }

    @Test
    void worksOnPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            customersAndContractsAreWrittenAndReservationsConcluded(postgres.getJdbcUrl("postgres", "postgres"), "postgres");
        }
    }

    private static void customersAndContractsAreWrittenAndReservationsConcluded(String url, String user) throws Exception {
        try (SalesDatabaseSimulator sales = new SalesDatabaseSimulator(url, user, "", POPULATION, 1)) {
            for (int i = 0; i < 400; i++) {
                sales.step();
            }
        }
        // a restart on the same database goes on where the first run stopped
        try (SalesDatabaseSimulator sales = new SalesDatabaseSimulator(url, user, "", POPULATION, 1)) {
            for (int i = 0; i < 100; i++) {
                sales.step();
            }
        }
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            Set<String> statuses = values(statement, "SELECT DISTINCT status FROM sales_contract");
            assertEquals(Set.of("认购", "签约", "退房"), statuses);
            assertTrue(Set.of("身份证", "港澳通行证", "营业执照").containsAll(values(statement,
                    "SELECT DISTINCT cert_type FROM sales_customer WHERE cert_type IS NOT NULL")));
            assertTrue(Set.of("男", "女").containsAll(values(statement, "SELECT DISTINCT gender FROM sales_customer WHERE gender IS NOT NULL")));
            assertEquals(Set.of("0"), values(statement, "SELECT COUNT(*) FROM sales_contract WHERE status = '签约' AND sign_date IS NULL"));
            assertEquals(Set.of("0"), values(statement, "SELECT COUNT(*) FROM sales_contract c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM sales_customer s WHERE s.cust_no = c.cust_no)"));
            long customers = Long.parseLong(values(statement, "SELECT COUNT(*) FROM sales_customer").iterator().next());
            assertTrue(customers > 200, "customers: " + customers);
        }
    }

    @Test
    void ledgerHasEveryCustomerAndContractInTheDatabase() throws Exception {
        String url = "jdbc:h2:mem:sales-ledger-test;DB_CLOSE_DELAY=-1";
        List<String> ledger = new CopyOnWriteArrayList<>();
        try (SalesDatabaseSimulator sales = new SalesDatabaseSimulator(url, "sa", "", POPULATION, 2,
                (source, kind, type, id) -> ledger.add(kind + " " + type + " " + id))) {
            for (int i = 0; i < 300; i++) {
                sales.step();
            }
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            Set<String> expected = new HashSet<>();
            values(statement, "SELECT cust_no FROM sales_customer").forEach(id -> expected.add("RECORD null " + id));
            values(statement, "SELECT contract_no FROM sales_contract").forEach(id -> expected.add("FACT CONTRACT " + id));
            assertEquals(expected, new HashSet<>(ledger));
        }
    }

    @Test
    void aTouchMovesUpdatedAtOfARowWrittenBeforeAndNothingElse() throws Exception {
        String url = "jdbc:h2:mem:sales-touch-test;DB_CLOSE_DELAY=-1";
        String customers = "SELECT cust_no, cust_name || '/' || COALESCE(mobile, '') || '/' || COALESCE(cert_no, ''), updated_at FROM sales_customer";
        String contracts = "SELECT contract_no, status || '/' || total_price, updated_at FROM sales_contract";
        List<String> ledger = new CopyOnWriteArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            try (SalesDatabaseSimulator sales = new SalesDatabaseSimulator(url, "sa", "", POPULATION, 3)) {
                for (int i = 0; i < 100; i++) {
                    sales.step();
                }
            }
            Map<String, String[]> customersBefore = rows(statement, customers);
            Map<String, String[]> contractsBefore = rows(statement, contracts);
            try (SalesDatabaseSimulator touching = new SalesDatabaseSimulator(url, "sa", "", POPULATION, 3,
                    (source, kind, type, id) -> ledger.add(kind + " " + type + " " + id), 1.0)) {
                for (int i = 0; i < 30; i++) {
                    touching.step();
                }
                assertEquals(30, touching.touches());
            }
            Map<String, String[]> customersAfter = rows(statement, customers);
            Map<String, String[]> contractsAfter = rows(statement, contracts);
            List<String> touched = ledger.stream().filter(line -> line.startsWith("DUPLICATE ")).toList();
            assertEquals(30, touched.size());
            int checked = 0;
            for (String line : touched) {
                boolean contract = line.startsWith("DUPLICATE CONTRACT ");
                String key = line.substring(line.lastIndexOf(' ') + 1);
                String[] before = (contract ? contractsBefore : customersBefore).get(key);
                String[] after = (contract ? contractsAfter : customersAfter).get(key);
                // a row the run wrote itself, or changed after touching it, has other content: only the others are compared
                if (before != null && !ledger.contains((contract ? "FACT CONTRACT " : "RECORD null ") + key)) {
                    assertEquals(before[1], after[1], key);
                    assertTrue(java.time.LocalDateTime.parse(after[2]).isAfter(java.time.LocalDateTime.parse(before[2])), key + " touched: updated_at later");
                    checked++;
                }
            }
            assertTrue(checked > 10, "rows compared: " + checked);
            assertTrue(touched.stream().anyMatch(line -> line.startsWith("DUPLICATE record ")));
            assertTrue(touched.stream().anyMatch(line -> line.startsWith("DUPLICATE CONTRACT ")));
        }
    }

    private static Map<String, String[]> rows(Statement statement, String sql) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.put(result.getString(1), new String[] {result.getString(1), result.getString(2), result.getTimestamp(3).toLocalDateTime().toString()});
            }
        }
        return rows;
    }

    private static Set<String> values(Statement statement, String sql) throws Exception {
        Set<String> values = new HashSet<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
