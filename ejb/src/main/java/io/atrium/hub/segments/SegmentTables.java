package io.atrium.hub.segments;

import io.atrium.hub.analytics.ScoresWritten;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment membership in plain JDBC on the connection given (the hub's, in its transaction; a benchmark's), set-wise:
 * a rule is compiled to a WHERE clause over {@code customer_value}, so a segment's members are one
 * {@code insert ... select}, for every customer (a full recompute) or for the customers whose scores were just
 * written (within the same transaction as their scores).
 */
public final class SegmentTables {

    private static final String INSERT = "insert into segment_member (segment_name, customer_id) select ?, v.customer_id"
            + " from customer_value v where ";

    private final ZoneId zone;

    public SegmentTables(ZoneId zone) {
        this.zone = zone;
    }

    /** Every segment's rule, by name. */
    public Map<String, SegmentRule> rules(Connection connection) throws SQLException {
        Map<String, SegmentRule> rules = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select name, rule from segment order by name");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                rules.put(rows.getString(1), SegmentRule.parse(rows.getString(2)));
            }
        }
        return rules;
    }

    /** Replaces the segment's members with every scored customer its rule selects as of {@code today}; returns how many. */
    public int select(Connection connection, String segment, SegmentRule rule, LocalDate today) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from segment_member where segment_name = ?")) {
            delete.setString(1, segment);
            delete.executeUpdate();
        }
        SegmentRule.Compiled compiled = rule.compile(today, zone);
        try (PreparedStatement insert = connection.prepareStatement(INSERT + compiled.where())) {
            insert.setString(1, segment);
            bind(insert, 2, compiled.parameters());
            return insert.executeUpdate();
        }
    }

    /** Removes every member of the segment. */
    public void clear(Connection connection, String segment) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from segment_member where segment_name = ?")) {
            delete.setString(1, segment);
            delete.executeUpdate();
        }
    }

    /**
     * After the scores of these customers were written: their memberships are selected again from their new rows; a
     * customer without a row (merged away, no longer active) leaves every segment.
     */
    public void refresh(Connection connection, Map<String, SegmentRule> rules, ScoresWritten written) throws SQLException {
        Scope scope = scope(written);
        try (PreparedStatement delete = connection.prepareStatement("delete from segment_member where " + scope.sql("customer_id"))) {
            bind(delete, 1, scope.values());
            delete.executeUpdate();
        }
        for (Map.Entry<String, SegmentRule> segment : rules.entrySet()) {
            SegmentRule.Compiled compiled = segment.getValue().compile(written.asOf(), zone);
            try (PreparedStatement insert = connection.prepareStatement(
                    INSERT + scope.sql("v.customer_id") + " and " + compiled.where())) {
                insert.setString(1, segment.getKey());
                bind(insert, bind(insert, 2, scope.values()), compiled.parameters());
                insert.executeUpdate();
            }
        }
    }

    private record Scope(String condition, List<Object> values) {
        String sql(String column) {
            return condition.replace("$", column);
        }
    }

    private static Scope scope(ScoresWritten written) {
        if (written.customerIds() != null) {
            return new Scope("$ in (" + String.join(", ", Collections.nCopies(written.customerIds().size(), "?")) + ")",
                    List.copyOf(written.customerIds()));
        }
        List<Object> values = new ArrayList<>(List.of(written.after()));
        if (written.through() == null) {
            return new Scope("$ > ?", values);
        }
        values.add(written.through());
        return new Scope("$ > ? and $ <= ?", values);
    }

    /** Binds the values from index {@code first}; returns the index after the last. */
    static int bind(PreparedStatement statement, int first, List<Object> values) throws SQLException {
        int index = first;
        for (Object value : values) {
            if (value instanceof Instant instant) {
                // as Hibernate maps an Instant on H2 and PostgreSQL: a timestamp with time zone
                statement.setObject(index, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            } else if (value instanceof LocalDate date) {
                statement.setObject(index, date, Types.DATE);
            } else if (value instanceof BigDecimal number) {
                statement.setBigDecimal(index, number);
            } else {
                statement.setString(index, (String) value);
            }
            index++;
        }
        return index;
    }
}
