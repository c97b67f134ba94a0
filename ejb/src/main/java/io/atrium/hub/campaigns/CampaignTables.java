package io.atrium.hub.campaigns;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A campaign's members and responses in plain JDBC on the connection given: the draw stored in one batch, and the
 * responses tallied per part in one aggregate query over the members' facts in the window.
 */
final class CampaignTables {

    /** Business that answers a campaign: a contract not cancelled, a lease (new or renewed), a tier change. */
    private static final String RESPONSE = " from campaign_member m join source_record r on r.customer_id = m.customer_id"
            + " join source_fact f on f.source = r.source and f.party_source_id = r.source_id"
            + " where m.campaign_id = ? and f.occurred_at >= ? and f.occurred_at < ?"
            + " and ((f.fact_type = 'CONTRACT' and (f.fact_state is null or f.fact_state <> 'CANCELLED'))"
            + " or f.fact_type = 'LEASE' or (f.fact_type = 'MEMBERSHIP' and f.data like '%\"lastEvent\":\"TIER_CHANGED\"%'))";
    private static final int BATCH = 5_000;

    private CampaignTables() {
    }

    static List<String> segmentMembers(Connection connection, String segment) throws SQLException {
        List<String> members = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select customer_id from segment_member where segment_name = ? order by customer_id")) {
            select.setString(1, segment);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    members.add(rows.getString(1));
                }
            }
        }
        return members;
    }

    static void store(Connection connection, long campaignId, List<String> members, Set<String> heldOut) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into campaign_member (campaign_id, customer_id, held_out) values (?, ?, ?)")) {
            int batched = 0;
            for (String customer : members) {
                insert.setLong(1, campaignId);
                insert.setString(2, customer);
                insert.setBoolean(3, heldOut.contains(customer));
                insert.addBatch();
                if (++batched % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The targeted part's tally ([0]) and the holdout's ([1]). */
    static ResponseTally[] tally(Connection connection, long campaignId, long targeted, long heldOut, Instant from, Instant to)
            throws SQLException {
        long[] responders = new long[2];
        try (PreparedStatement select = connection.prepareStatement(
                "select m.held_out, count(distinct m.customer_id)" + RESPONSE + " group by m.held_out")) {
            bind(select, campaignId, from, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    responders[rows.getBoolean(1) ? 1 : 0] = rows.getLong(2);
                }
            }
        }
        long[][] counts = new long[2][3];
        BigDecimal[][] amounts = {{BigDecimal.ZERO, BigDecimal.ZERO}, {BigDecimal.ZERO, BigDecimal.ZERO}};
        try (PreparedStatement select = connection.prepareStatement(
                "select m.held_out, f.fact_type, count(*), sum(f.amount)" + RESPONSE + " group by m.held_out, f.fact_type")) {
            bind(select, campaignId, from, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int part = rows.getBoolean(1) ? 1 : 0;
                    BigDecimal amount = rows.getBigDecimal(4) == null ? BigDecimal.ZERO : rows.getBigDecimal(4);
                    switch (rows.getString(2)) {
                        case "CONTRACT" -> {
                            counts[part][0] = rows.getLong(3);
                            amounts[part][0] = amount;
                        }
                        case "LEASE" -> {
                            counts[part][1] = rows.getLong(3);
                            amounts[part][1] = amount;
                        }
                        default -> counts[part][2] = rows.getLong(3);
                    }
                }
            }
        }
        return new ResponseTally[]{
                new ResponseTally(targeted, responders[0], counts[0][0], amounts[0][0], counts[0][1], amounts[0][1], counts[0][2]),
                new ResponseTally(heldOut, responders[1], counts[1][0], amounts[1][0], counts[1][1], amounts[1][1], counts[1][2])};
    }

    private static void bind(PreparedStatement select, long campaignId, Instant from, Instant to) throws SQLException {
        select.setLong(1, campaignId);
        // as Hibernate maps an Instant on H2 and PostgreSQL: a timestamp with time zone
        select.setObject(2, from.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        select.setObject(3, to.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
