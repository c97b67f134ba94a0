package io.atrium.hub.analytics;

import io.atrium.client.CustomerRole;
import io.atrium.hub.profile.FactTally;
import io.atrium.resolution.model.FactType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores customers set-based and stores them in {@code customer_value}, in plain JDBC on the connection given
 * (the hub's, in its transaction; a benchmark's): per chunk, one aggregate query tallies the facts of all its
 * customers (grouped by customer, type, state and category), one window query gives their points balances,
 * the model scores each, and their rows are replaced in JDBC batches. Either a range of customer ids (the full
 * recompute, which so also removes rows of customers merged away in the range) or a set of ids (incremental).
 */
public final class ValueTables {

    private static final String FACTS_OF = " from source_record r join source_fact f"
            + " on f.source = r.source and f.party_source_id = r.source_id where ";
    private static final String TALLIES = "select r.customer_id, f.fact_type, f.fact_state, f.fact_category, count(*),"
            + " sum(f.amount), min(f.ends_on), max(f.ends_on), sum(f.rating), count(f.rating), min(f.occurred_at),"
            + " max(f.occurred_at), sum(case when f.occurred_at >= ? then 1 else 0 end),"
            + " sum(case when f.occurred_at >= ? then 1 else 0 end), max(f.fact_updated_at)" + FACTS_OF;
    private static final String TALLIES_GROUPED = " group by r.customer_id, f.fact_type, f.fact_state, f.fact_category";
    private static final String POINTS = "select customer_id, sum(amount) from (select r.customer_id, f.amount,"
            + " row_number() over (partition by f.source, f.party_source_id order by f.occurred_at desc nulls last, f.id desc) newest"
            + FACTS_OF;
    private static final String POINTS_GROUPED = " and f.fact_type = 'POINTS' and f.amount is not null) p where newest = 1 group by customer_id";
    private static final String INSERT = "insert into customer_value (customer_id, as_of, computed_at, inputs_at, current_value,"
            + " potential_value, value_cell, satisfaction, loyalty, at_risk, current_reasons, potential_reasons,"
            + " satisfaction_reasons, loyalty_reasons, risk_reasons, monetary, deals, last_business_at, first_fact_at, tier,"
            + " points_balance, arrears, next_lease_end, owned_units, open_complaints, is_buyer, is_tenant, is_owner,"
            + " is_family_member, is_member, is_caller) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final ValueModel model;
    private final ValueSettings settings;

    public ValueTables(ValueSettings settings) {
        this.settings = settings;
        this.model = new ValueModel(settings);
    }

    /** Up to {@code limit} ids of active customers after {@code after} ("" for the first), in id order. */
    public List<String> activeCustomersAfter(Connection connection, String after, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id from customer where status = 'ACTIVE' and id > ? order by id fetch first ? rows only")) {
            select.setString(1, after);
            select.setInt(2, limit);
            return strings(select);
        }
    }

    /**
     * Scores these active customers (consecutive in id order, after {@code after}) and replaces every row from
     * {@code after} (excluded) to the last of them: rows of customers merged away in between go too.
     */
    public int rescoreRange(Connection connection, String after, List<String> activeIds, LocalDate asOf, Instant now)
            throws SQLException {
        String first = activeIds.get(0);
        String last = activeIds.get(activeIds.size() - 1);
        try (PreparedStatement delete = connection.prepareStatement("delete from customer_value where customer_id > ? and customer_id <= ?")) {
            delete.setString(1, after);
            delete.setString(2, last);
            delete.executeUpdate();
        }
        Where range = new Where("r.customer_id between ? and ?", List.of(first, last));
        return insert(connection, activities(connection, activeIds, range, asOf), asOf, now);
    }

    /** Removes the rows after the last active customer (the end of a full recompute). */
    public void removeAfter(Connection connection, String after) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from customer_value where customer_id > ?")) {
            delete.setString(1, after);
            delete.executeUpdate();
        }
    }

    /**
     * Scores these customers again: the active ones' rows are replaced, the others' (merged away) removed.
     *
     * @return the active customers scored
     */
    public int rescore(Connection connection, Collection<String> customerIds, LocalDate asOf, Instant now) throws SQLException {
        if (customerIds.isEmpty()) {
            return 0;
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(customerIds));
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement delete = connection.prepareStatement("delete from customer_value where customer_id in (" + marks + ")")) {
            bind(delete, 1, ids);
            delete.executeUpdate();
        }
        List<String> active;
        try (PreparedStatement select = connection.prepareStatement(
                "select id from customer where status = 'ACTIVE' and id in (" + marks + ") order by id")) {
            bind(select, 1, ids);
            active = strings(select);
        }
        if (active.isEmpty()) {
            return 0;
        }
        Where in = new Where("r.customer_id in (" + String.join(", ", Collections.nCopies(active.size(), "?")) + ")", active);
        return insert(connection, activities(connection, active, in, asOf), asOf, now);
    }

    /** The customers holding these source records ({@code source}, {@code sourceId} pairs), as far as they are stored. */
    public Set<String> customersOf(Connection connection, Collection<Map.Entry<String, String>> records) throws SQLException {
        Set<String> customers = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select customer_id from source_record where source = ? and source_id = ?")) {
            for (Map.Entry<String, String> record : records) {
                select.setString(1, record.getKey());
                select.setString(2, record.getValue());
                customers.addAll(strings(select));
            }
        }
        return customers;
    }

    private List<CustomerActivity> activities(Connection connection, List<String> customers, Where where, LocalDate asOf)
            throws SQLException {
        Map<String, List<ActivityTally>> tallies = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(TALLIES + where.sql() + TALLIES_GROUPED)) {
            timestamp(select, 1, startOf(asOf.minusMonths(settings.frequencyMonths())));
            timestamp(select, 2, startOf(asOf.minusDays(settings.complaintDays())));
            bind(select, 3, where.values());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    FactTally tally = new FactTally(FactType.valueOf(rows.getString(2)), rows.getString(3), rows.getLong(5),
                            rows.getBigDecimal(6), date(rows, 7), date(rows, 8), rows.getLong(9), rows.getLong(10));
                    tallies.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new ActivityTally(tally,
                            rows.getString(4), instant(rows, 11), instant(rows, 12), rows.getLong(13), rows.getLong(14),
                            instant(rows, 15)));
                }
            }
        }
        Map<String, Long> points = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(POINTS + where.sql() + POINTS_GROUPED)) {
            bind(select, 1, where.values());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    points.put(rows.getString(1), rows.getBigDecimal(2).longValue());
                }
            }
        }
        return customers.stream()
                .map(id -> new CustomerActivity(id, tallies.getOrDefault(id, List.of()), points.get(id)))
                .toList();
    }

    private int insert(Connection connection, List<CustomerActivity> activities, LocalDate asOf, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (CustomerActivity activity : activities) {
                CustomerScores s = model.score(activity, asOf);
                CustomerScores.Figures f = s.figures();
                int i = 0;
                insert.setString(++i, s.customerId());
                insert.setObject(++i, asOf, Types.DATE);
                timestamp(insert, ++i, now);
                timestamp(insert, ++i, activity.inputsAt());
                insert.setInt(++i, s.currentValue());
                insert.setInt(++i, s.potentialValue());
                insert.setString(++i, s.cell().name());
                insert.setInt(++i, s.satisfaction());
                insert.setInt(++i, s.loyalty());
                insert.setBoolean(++i, s.atRisk());
                insert.setString(++i, Reason.format(s.currentReasons()));
                insert.setString(++i, Reason.format(s.potentialReasons()));
                insert.setString(++i, Reason.format(s.satisfactionReasons()));
                insert.setString(++i, Reason.format(s.loyaltyReasons()));
                insert.setString(++i, Reason.format(s.riskReasons()));
                insert.setBigDecimal(++i, f.monetary());
                insert.setLong(++i, f.deals());
                timestamp(insert, ++i, f.lastBusinessAt());
                timestamp(insert, ++i, f.firstFactAt());
                insert.setString(++i, f.tier());
                if (f.pointsBalance() == null) {
                    insert.setNull(++i, Types.BIGINT);
                } else {
                    insert.setLong(++i, f.pointsBalance());
                }
                insert.setBigDecimal(++i, f.arrears());
                insert.setObject(++i, f.nextLeaseEnd(), Types.DATE);
                insert.setLong(++i, f.ownedUnits());
                insert.setLong(++i, f.openComplaints());
                for (CustomerRole role : List.of(CustomerRole.BUYER, CustomerRole.TENANT, CustomerRole.OWNER,
                        CustomerRole.FAMILY_MEMBER, CustomerRole.MEMBER, CustomerRole.CALLER)) {
                    insert.setBoolean(++i, f.roles().contains(role));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return activities.size();
    }

    private record Where(String sql, List<String> values) {
    }

    private static void bind(PreparedStatement statement, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(first + i, values.get(i));
        }
    }

    private static List<String> strings(PreparedStatement select) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ValueModel.GROUP_ZONE).toInstant();
    }

    /** As Hibernate maps an Instant on H2 and PostgreSQL: a timestamp with time zone. */
    private static void timestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }
}
