package io.atrium.hub.analytics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        execute("create table customer (id varchar(40) primary key, status varchar(12) not null)",
                "create table source_record (id bigint primary key, source varchar(64), source_id varchar(128), customer_id varchar(40))",
                "create table source_fact (id bigint primary key, source varchar(64), fact_type varchar(16), fact_id varchar(160),"
                        + " party_source_id varchar(128), occurred_at timestamp(6) with time zone,"
                        + " fact_updated_at timestamp(6) with time zone, fact_state varchar(32), amount numeric(18,2),"
                        + " ends_on date, rating integer, fact_category varchar(32))",
                "create table customer_value (customer_id varchar(40) primary key, as_of date not null,"
                        + " computed_at timestamp(6) with time zone not null, inputs_at timestamp(6) with time zone,"
                        + " current_value integer not null, potential_value integer not null, value_cell varchar(16) not null,"
                        + " satisfaction integer not null, loyalty integer not null, at_risk boolean not null,"
                        + " current_reasons varchar(400) not null, potential_reasons varchar(400) not null,"
                        + " satisfaction_reasons varchar(400) not null, loyalty_reasons varchar(400) not null,"
                        + " risk_reasons varchar(400) not null, monetary numeric(18,2) not null, deals bigint not null,"
                        + " last_business_at timestamp(6) with time zone, first_fact_at timestamp(6) with time zone,"
                        + " tier varchar(16), points_balance bigint, arrears numeric(18,2) not null, next_lease_end date,"
                        + " owned_units bigint not null, open_complaints bigint not null, is_buyer boolean not null,"
                        + " is_tenant boolean not null, is_owner boolean not null, is_family_member boolean not null,"
                        + " is_member boolean not null, is_caller boolean not null)",
                "insert into customer values ('C-a', 'ACTIVE'), ('C-ab', 'MERGED'), ('C-b', 'ACTIVE'), ('C-m', 'MERGED')",
                "insert into source_record values (1, 'membership', 'M1', 'C-a'), (2, 'sales', 'S1', 'C-b')",
                // two points movements: the newer balance counts; a membership; a contract for the other customer
                "insert into source_fact values (1, 'membership', 'POINTS', 'e1', 'M1', timestamp with time zone '2026-05-01 10:00:00+08:00',"
                        + " null, 'POINTS_EARNED', 500, null, null, null)",
                "insert into source_fact values (2, 'membership', 'POINTS', 'e2', 'M1', timestamp with time zone '2026-06-01 10:00:00+08:00',"
                        + " timestamp with time zone '2026-06-01 10:00:00+08:00', 'POINTS_EARNED', 3400, null, null, null)",
                "insert into source_fact values (3, 'membership', 'MEMBERSHIP', 'M1', 'M1', timestamp with time zone '2026-06-01 10:00:00+08:00',"
                        + " null, 'GOLD', null, null, null, null)",
                "insert into source_fact values (4, 'sales', 'CONTRACT', 'K1', 'S1', timestamp with time zone '2025-12-01 00:00:00+08:00',"
                        + " null, 'SIGNED', 1500000, null, null, null)",
                // rows left from before: a customer merged away since, inside the range and after it
                "insert into customer_value (customer_id, as_of, computed_at, current_value, potential_value, value_cell, satisfaction,"
                        + " loyalty, at_risk, current_reasons, potential_reasons, satisfaction_reasons, loyalty_reasons, risk_reasons,"
                        + " monetary, deals, arrears, owned_units, open_complaints, is_buyer, is_tenant, is_owner, is_family_member,"
                        + " is_member, is_caller) select id, date '2026-01-01', timestamp with time zone '2026-01-01 00:00:00Z', 1, 1,"
                        + " 'LOW_LOW', 1, 1, false, '', '', '', '', '', 0, 0, 0, 0, 0, false, false, false, false, false, false"
                        + " from customer where id in ('C-ab', 'C-m')");
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
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private void execute(String... sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
