package io.atrium.hub.campaigns;

import io.atrium.client.CampaignResults;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A campaign's return from its two parts' tallies (pure): revenue is contract prices plus each lease's monthly rent
 * times {@code leaseMonths} (as in monetary value); the incremental revenue is the targeted part's revenue per member
 * less the holdout's, scaled to the targeted members; the return on cost is (incremental revenue - cost) / cost.
 */
final class CampaignReturn {

    private CampaignReturn() {
    }

    static CampaignResults of(long campaignId, Instant from, Instant to, boolean complete, ResponseTally targeted,
                              ResponseTally holdout, BigDecimal cost, int leaseMonths) {
        CampaignResults.Group target = group(targeted, leaseMonths);
        CampaignResults.Group held = group(holdout, leaseMonths);
        double uplift = target.responseRate() - held.responseRate();
        // the holdout's revenue scaled to as many members as were targeted, unrounded until the end
        BigDecimal heldScaled = holdout.members() == 0 ? BigDecimal.ZERO
                : held.revenue().multiply(BigDecimal.valueOf(targeted.members())).divide(BigDecimal.valueOf(holdout.members()), 2, RoundingMode.HALF_UP);
        BigDecimal incremental = target.revenue().subtract(heldScaled);
        Double returnOnCost = cost.signum() == 0 ? null
                : incremental.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP).doubleValue();
        return new CampaignResults(campaignId, from, to, complete, target, held, uplift, uplift * targeted.members(),
                incremental, cost, returnOnCost);
    }

    private static CampaignResults.Group group(ResponseTally t, int leaseMonths) {
        BigDecimal revenue = t.contractPrices().add(t.monthlyRents().multiply(BigDecimal.valueOf(leaseMonths)))
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal perMember = t.members() == 0 ? BigDecimal.ZERO.setScale(2)
                : revenue.divide(BigDecimal.valueOf(t.members()), 2, RoundingMode.HALF_UP);
        return new CampaignResults.Group(t.members(), t.responders(), t.members() == 0 ? 0 : (double) t.responders() / t.members(),
                t.contracts(), t.leases(), t.tierChanges(), revenue, perMember);
    }
}
