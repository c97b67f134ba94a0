package io.atrium.hub.segments;

import io.atrium.client.InvalidQueryException;
import io.atrium.hub.analytics.ScoresWritten;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segment rules read and compiled, and run by {@link SegmentTables} on an in-memory H2 (the hub's default database)
 * over hand-made score rows whose memberships are worked out here: every kind of field, missing figures, dates relative
 * to the day, projects in facts, the incremental refresh by ids and by range.
 */
class SegmentRuleTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private final SegmentTables tables = new SegmentTables(ZONE);
    private Connection db;

    @BeforeEach
    void schema() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:segments;DB_CLOSE_DELAY=-1");
        execute("create table customer_value (customer_id varchar(40) primary key, current_value integer not null,"
                        + " potential_value integer not null, value_cell varchar(16) not null, satisfaction integer not null,"
                        + " loyalty integer not null, at_risk boolean not null, monetary numeric(18,2) not null, deals bigint not null,"
                        + " last_business_at timestamp(6) with time zone, first_fact_at timestamp(6) with time zone,"
                        + " tier varchar(16), points_balance bigint, arrears numeric(18,2) not null, next_lease_end date,"
                        + " owned_units bigint not null, open_complaints bigint not null, is_buyer boolean not null,"
                        + " is_tenant boolean not null, is_owner boolean not null, is_family_member boolean not null,"
                        + " is_member boolean not null, is_caller boolean not null)",
                "create table source_record (id bigint primary key, source varchar(64), source_id varchar(128), customer_id varchar(40))",
                "create table source_fact (id bigint primary key, source varchar(64), party_source_id varchar(128), data varchar(100000))",
                "create table segment (name varchar(64) primary key, rule varchar(1000))",
                "create table segment_member (segment_name varchar(64), customer_id varchar(40), primary key (segment_name, customer_id))",
                // A: a tenant whose lease ends in 3 months, HIGH_HIGH, at risk, last business today
                "insert into customer_value values ('C-a', 63, 30, 'HIGH_HIGH', 60, 0, true, 2400000, 1,"
                        + " timestamp with time zone '2026-06-30 09:00:00+08:00', timestamp with time zone '2026-04-30 00:00:00+08:00',"
                        + " null, null, 0, date '2026-09-30', 0, 0, false, true, false, false, false, false)",
                // B: a GOLD member who never bought, LOW_HIGH, last business two years ago, with arrears
                "insert into customer_value values ('C-b', 10, 40, 'LOW_HIGH', 45, 16, false, 0, 0,"
                        + " timestamp with time zone '2024-06-20 10:00:00+08:00', timestamp with time zone '2024-06-20 10:00:00+08:00',"
                        + " 'GOLD', 500, 1200, null, 0, 1, false, false, false, false, true, true)",
                // C: an owner of two units and a buyer, HIGH_LOW, PLATINUM
                "insert into customer_value values ('C-c', 55, 20, 'HIGH_LOW', 80, 30, false, 3000000, 2,"
                        + " timestamp with time zone '2026-01-01 00:00:00+08:00', timestamp with time zone '2020-01-01 00:00:00+08:00',"
                        + " 'PLATINUM', 9000, 0, null, 2, 0, true, false, true, false, true, false)",
                "insert into source_record values (1, 'leasing', 'L1', 'C-a'), (2, 'property', 'P1', 'C-c'), (3, 'sales', 'S1', 'C-c')",
                "insert into source_fact values (1, 'leasing', 'L1', '{\"project\":\"翠湖花园\",\"unit\":\"3栋1502\"}'),"
                        + " (2, 'property', 'P1', '{\"project\":\"Lake_View\",\"building\":\"1\"}'),"
                        + " (3, 'sales', 'S1', '{\"project\":\"翠湖花园\",\"unit\":\"9栋101\"}')");
    }

    @AfterEach
    void drop() throws SQLException {
        execute("drop all objects");
        db.close();
    }

    @Test
    void eachKindOfConditionSelectsTheCustomersWorkedOutByHand() throws SQLException {
        assertEquals(List.of("C-a"), members("cell = HIGH_HIGH"));
        assertEquals(List.of("C-a", "C-c"), members("cell in (HIGH_HIGH, high_low)"), "values are read in any case");
        assertEquals(List.of("C-b", "C-c"), members("cell != HIGH_HIGH"));
        assertEquals(List.of("C-a", "C-c"), members("current_value >= 55"));
        assertEquals(List.of("C-c"), members("current_value >= 55 AND loyalty >= 30"), "keywords in any case");
        assertEquals(List.of("C-b"), members("satisfaction < 60 and arrears > 0"));
        assertEquals(List.of("C-a", "C-c"), members("monetary >= 2400000.00"));
        assertEquals(List.of("C-a"), members("at_risk"));
        assertEquals(List.of("C-b", "C-c"), members("not at_risk"));
        assertEquals(List.of("C-c"), members("role = OWNER and role = BUYER"));
        assertEquals(List.of("C-a", "C-c"), members("role in (TENANT, OWNER)"));
        assertEquals(List.of("C-a"), members("role != MEMBER"));
        assertEquals(List.of("C-b"), members("tier = GOLD"));
        assertEquals(List.of("C-a", "C-c"), members("tier != GOLD"), "no tier is not GOLD");
        assertEquals(List.of("C-b", "C-c"), members("points_balance >= 500"), "no points balance satisfies no comparison");
        assertEquals(List.of("C-c"), members("owned_units >= 2"));
        assertEquals(List.of("C-b"), members("open_complaints = 1"));
        assertEquals(List.of("C-c"), members("deals = 2"));
    }

    @Test
    void datesAreFixedOrRelativeToTheDayAndTimesAreReckonedInTheGroupsCalendar() throws SQLException {
        // A's lease ends 2026-09-30: three months from 2026-06-30
        assertEquals(List.of("C-a"), members("next_lease_end <= today+6m"));
        assertEquals(List.of("C-a"), members("next_lease_end <= today+3m and next_lease_end >= today"));
        assertEquals(List.of(), members("next_lease_end < today+3m"));
        assertEquals(List.of(), members("next_lease_end <= today+90d"), "90 days fall short of three months here");
        assertEquals(List.of("C-a"), members("next_lease_end = 2026-09-30"));
        assertEquals(List.of("C-b", "C-c"), members("next_lease_end != 2026-09-30"));
        // last business: A today at 09:00 Shanghai (01:00 UTC), B two years ago, C on 2026-01-01
        assertEquals(List.of("C-a", "C-c"), members("last_business >= today-12m"));
        assertEquals(List.of("C-a"), members("last_business > today-1d"), "after yesterday: today");
        assertEquals(List.of("C-a"), members("last_business >= today"));
        assertEquals(List.of("C-b", "C-c"), members("last_business < today"));
        assertEquals(List.of("C-b", "C-c"), members("last_business <= 2026-01-01"), "the whole of 2026-01-01 in Shanghai");
        assertEquals(List.of("C-b"), members("last_business < 2026-01-01"));
        assertEquals(List.of("C-c"), members("first_fact < today-5y"));
    }

    @Test
    void aProjectIsFoundInTheFactsOfTheCustomersRecords() throws SQLException {
        assertEquals(List.of("C-a", "C-c"), members("project = '翠湖花园'"));
        assertEquals(List.of("C-c"), members("project = 'Lake_View'"));
        assertEquals(List.of(), members("project = 'Lake View'"), "an underscore stands for itself, not for any character");
        assertEquals(List.of(), members("project = 'Lake'"), "the whole name");
        assertEquals(List.of("C-a", "C-b"), members("project != 'Lake_View'"));
        assertEquals(List.of("C-a"), members("project = '翠湖花园' and role = TENANT"));
    }

    @Test
    void aRuleItCannotReadIsRefusedWithTheReasonAndWhere() {
        assertRefused(null, "rule is required");
        assertRefused("  ", "rule is required");
        assertRefused("colour = red", "unknown field 'colour'");
        assertRefused("cell = MIDDLE", "cell is one of [HIGH_HIGH, HIGH_LOW, LOW_HIGH, LOW_LOW] at character 8");
        assertRefused("cell > HIGH_HIGH", "cell is compared with = or != only");
        assertRefused("current_value >= high", "expected a number for current_value at character 18");
        assertRefused("current_value in (1, 2)", "'in' applies to cell, tier and role");
        assertRefused("current_value 40", "expected a comparison");
        assertRefused("at_risk and", "expected a name at character 12");
        assertRefused("at_risk or cell = LOW_LOW", "expected 'and' or the end of the rule at character 9");
        assertRefused("not cell = LOW_LOW", "'not' applies to at_risk only");
        assertRefused("last_business = today", "last_business is a time");
        assertRefused("next_lease_end < soon", "expected a date for next_lease_end");
        assertRefused("next_lease_end < 2026-02-30", "'2026-02-30' is no date");
        assertRefused("project = lake", "expected a name in single quotes for project at character 11");
        assertRefused("project = 翠湖花园", "cannot read it at character 11");
        assertRefused("project = ''", "project must not be empty");
        assertRefused("role in (TENANT, BOSS)", "role is one of");
        assertRefused("cell = HIGH_HIGH; drop table customer", "cannot read it at character 17");
        assertRefused("at_risk and ".repeat(100) + "at_risk", "longer than 1000 characters");
    }

    @Test
    void theRefreshSelectsAgainOnlyTheCustomersWrittenAndDropsThoseWithoutScores() throws SQLException {
        execute("insert into segment values ('risky', 'at_risk'), ('gold', 'tier = GOLD')");
        Map<String, SegmentRule> rules = tables.rules(db);
        assertEquals(1, tables.select(db, "risky", rules.get("risky"), TODAY));
        assertEquals(1, tables.select(db, "gold", rules.get("gold"), TODAY));
        // B's scores change (no longer GOLD, now at risk) and C merged away (its row gone); A's row unchanged
        execute("update customer_value set tier = 'SILVER', at_risk = true where customer_id = 'C-b'",
                "delete from customer_value where customer_id = 'C-c'",
                "insert into segment_member values ('gold', 'C-c')");
        tables.refresh(db, rules, new ScoresWritten(TODAY, null, null, List.of("C-b", "C-c")));
        assertEquals(List.of("risky C-a", "risky C-b"), memberships());
        // a range: after C-a through C-b; then the rest after C-b
        execute("update customer_value set at_risk = false", "insert into segment_member values ('gold', 'C-z')");
        tables.refresh(db, rules, new ScoresWritten(TODAY, "C-a", "C-b", null));
        assertEquals(List.of("gold C-z", "risky C-a"), memberships(), "only the range was selected again");
        tables.refresh(db, rules, new ScoresWritten(TODAY, "C-b", null, null));
        assertEquals(List.of("risky C-a"), memberships(), "rows after the last active customer go");
    }

    @Test
    void configurationDefinesSegmentsByTheirRuleKeys() {
        Map<String, String> properties = Map.of("atrium.segments.risky.rule", "at_risk",
                "atrium.segments.snapshot-hours", "3", "atrium.analytics.chunk-size", "5000");
        Map<String, SegmentRule> segments = SegmentDefinitions.configured(properties.keySet(), properties::get);
        assertEquals(List.of("risky"), List.copyOf(segments.keySet()));
        assertEquals("at_risk", segments.get("risky").text());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SegmentDefinitions.configured(List.of("atrium.segments.x.rule"), key -> "cell = MIDDLE"));
        assertTrue(bad.getMessage().startsWith("atrium.segments.x.rule: rule: cell is one of"), bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SegmentDefinitions.configured(List.of("atrium.segments.Big_One.rule"), key -> "at_risk"));
        // GET /segments/history lists every segment's sizes, so no segment can be read there
        assertThrows(IllegalArgumentException.class,
                () -> SegmentDefinitions.configured(List.of("atrium.segments.history.rule"), key -> "at_risk"));
    }

    private List<String> members(String rule) throws SQLException {
        tables.select(db, "s", SegmentRule.parse(rule), TODAY);
        List<String> members = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select customer_id from segment_member where segment_name = 's' order by customer_id")) {
            while (rows.next()) {
                members.add(rows.getString(1));
            }
        }
        return members;
    }

    private List<String> memberships() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select segment_name, customer_id from segment_member order by 1, 2")) {
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return found;
    }

    private static void assertRefused(String rule, String reason) {
        InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> SegmentRule.parse(rule));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    private void execute(String... statements) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
