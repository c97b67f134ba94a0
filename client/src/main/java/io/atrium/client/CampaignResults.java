package io.atrium.client;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A campaign's return (the hub's docs/ANALYTICS.md, Campaign return): the business its targeted members and its holdout
 * did within the response window ({@code from} included, {@code to} excluded; {@code complete} once it is over), and the
 * difference the campaign made. {@code incrementalRevenue} is the targeted part's revenue per member less the holdout's,
 * times the targeted members; {@code returnOnCost} is (incremental revenue - cost) / cost, null for a campaign that cost
 * nothing.
 */
public record CampaignResults(long campaignId, Instant from, Instant to, boolean complete, Group targeted, Group holdout,
                              double responseUplift, double incrementalResponders, BigDecimal incrementalRevenue,
                              BigDecimal cost, Double returnOnCost) implements Serializable {

    /**
     * One part's business in the window: members, those who did any (responders) and their share, contracts signed,
     * leases begun (new or renewed), membership tier changes, and revenue (contract prices, leases' monthly rent times
     * the months a lease counts for in monetary value) in all and per member.
     */
    public record Group(long members, long responders, double responseRate, long contracts, long leases, long tierChanges,
                        BigDecimal revenue, BigDecimal revenuePerMember) implements Serializable {
    }
}
