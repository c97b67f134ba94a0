package io.atrium.hub.analytics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The score tables' SQL on an in-memory H2 (the hub's default database) with the columns the hub's entities give
 * them: tallies and points balances per customer, rows replaced per range and per set, merged-away customers' rows
 * removed.
 */
class ValueTablesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final Instant NOW = Instant.parse("2026-06-30T02:00:00Z");

    private final ValueTables tables = new ValueTables(ValueModelTest.defaults());
    private Connection db;

    @BeforeEach
    void schema() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:values;DB_CLOSE_DELAY=-1");
        execute("runscript from 'classpath:io/atrium/hub/analytics/value-tables.sql'");
    }

    @AfterEach
    void drop() throws SQLException {
        execute("drop all objects");
        db.close();
    }

    @Test
    void aChunkScoresItsActiveCustomersAndRemovesTheRowsOfCustomersMergedAway() throws SQLException {
        List<String> active = tables.activeCustomersAfter(db, "", 10);
        assertEquals(List.of("C-a", "C-b"), active);

        assertEquals(2, tables.rescoreRange(db, "", active, AS_OF, NOW));
        tables.removeAfter(db, "C-b");

        assertEquals(List.of("C-a", "C-b"), column("select customer_id from customer_value order by customer_id"));
        // the member: GOLD 10, two movements in the window 10, the last this month 20, 3,400 points 3; never bought: 40
        assertEquals(List.of("C-a 43 40 HIGH_HIGH GOLD 3400 TRUE FALSE 2026-06-01T02:00:00Z"),
                column("select customer_id || ' ' || current_value || ' ' || potential_value || ' ' || value_cell || ' ' || tier"
                        + " || ' ' || points_balance || ' ' || is_member || ' ' || is_buyer || ' ' || inputs_at"
                        + " from customer_value where customer_id = 'C-a'").stream()
                        .map(row -> row.replace(" 02:00:00+00", "T02:00:00Z")).toList());
        // the buyer: 1,500,000 is 30, one deal in the window 5, six whole months ago 20 x 18/24 = 15
        assertEquals(List.of("MONETARY=30,FREQUENCY=5,RECENCY=15 1500000.00 TRUE"),
                column("select current_reasons || ' ' || monetary || ' ' || is_buyer from customer_value where customer_id = 'C-b'"));
    }

    @Test
    void customersScoredAgainByIdGetTheirNewFactsAndAMergedAwayOneLosesItsRow() throws SQLException {
        tables.rescore(db, List.of("C-a"), AS_OF, NOW);
        execute("insert into source_fact values (5, 'membership', 'TICKET', 'T1', 'M1', timestamp with time zone '2026-06-20 10:00:00+08:00',"
                + " null, 'OPEN', null, null, null, 'COMPLAINT')");

        Set<String> customers = tables.customersOf(db, List.of(Map.entry("membership", "M1"), Map.entry("leasing", "unknown")));
        assertEquals(Set.of("C-a"), customers);
        List<String> ids = new ArrayList<>(customers);
        ids.add("C-m");
        assertEquals(1, tables.rescore(db, ids, AS_OF, NOW));

        // 60, a complaint within 90 days -15, an open ticket -5
        assertEquals(List.of("C-a 40 NO_RATINGS=60,RECENT_COMPLAINTS=-15,OPEN_ITEMS=-5 1 TRUE"),
                column("select customer_id || ' ' || satisfaction || ' ' || satisfaction_reasons || ' ' || open_complaints"
                        + " || ' ' || is_caller from customer_value where customer_id = 'C-a'"));
        assertEquals(List.of("C-a", "C-ab"), column("select customer_id from customer_value order by customer_id"),
                "C-m's row is gone; C-ab was not named");
    }

    private List<String> column(String sql) throws SQLException {
        return ValueTablesSql.column(db, sql);
    }

    private void execute(String... sql) throws SQLException {
        ValueTablesSql.execute(db, sql);
    }
}
