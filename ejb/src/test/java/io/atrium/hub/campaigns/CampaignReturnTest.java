package io.atrium.hub.campaigns;

import io.atrium.client.CampaignResults;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The holdout's draw and a campaign's return from its parts' tallies, worked out by hand. */
class CampaignReturnTest {

    private static final Instant FROM = Instant.parse("2026-05-31T16:00:00Z");
    private static final Instant TO = Instant.parse("2026-08-29T16:00:00Z");

    @Test
    void theHoldoutIsTheRoundedShareAndTheSameForTheSameSeed() {
        List<String> members = IntStream.range(0, 1000).mapToObj(i -> String.format("C-%04d", i)).toList();
        Set<String> drawn = Holdout.draw(members, 0.2, 42);
        assertEquals(200, drawn.size());
        assertTrue(members.containsAll(drawn));
        assertEquals(drawn, Holdout.draw(members, 0.2, 42), "reproducible from its seed");
        assertNotEquals(drawn, Holdout.draw(members, 0.2, 43));
        assertEquals(3, Holdout.draw(members.subList(0, 10), 0.25, 1).size(), "10 x 0.25 = 2.5: rounded up");
        // spread over the members, not a block of them: about a fifth of each half
        long firstHalf = drawn.stream().filter(id -> id.compareTo("C-0500") < 0).count();
        assertTrue(firstHalf > 70 && firstHalf < 130, "held out from the first half: " + firstHalf);
    }

    @Test
    void theReturnComparesThePartsPerMemberAndScalesToTheTargeted() {
        // targeted: 80 members, 20 responded: 10 contracts for 1,000,000 in all, 12 leases at 5,000 a month in all
        // holdout: 20 members, 2 responded: 1 contract for 100,000, 1 lease at 1,000 a month
        ResponseTally targeted = new ResponseTally(80, 20, 10, new BigDecimal("1000000"), 12, new BigDecimal("5000"), 3);
        ResponseTally holdout = new ResponseTally(20, 2, 1, new BigDecimal("100000"), 1, new BigDecimal("1000"), 0);
        CampaignResults results = CampaignReturn.of(7, FROM, TO, true, targeted, holdout, new BigDecimal("50000.00"), 12);

        // revenue: 1,000,000 + 5,000 x 12 = 1,060,000 and 100,000 + 1,000 x 12 = 112,000
        assertEquals(new BigDecimal("1060000.00"), results.targeted().revenue());
        assertEquals(new BigDecimal("13250.00"), results.targeted().revenuePerMember());
        assertEquals(new BigDecimal("112000.00"), results.holdout().revenue());
        assertEquals(new BigDecimal("5600.00"), results.holdout().revenuePerMember());
        assertEquals(0.25, results.targeted().responseRate(), 1e-9);
        assertEquals(0.10, results.holdout().responseRate(), 1e-9);
        assertEquals(0.15, results.responseUplift(), 1e-9);
        assertEquals(12.0, results.incrementalResponders(), 1e-9, "0.15 x 80");
        // 1,060,000 - 112,000 x 80 / 20 = 1,060,000 - 448,000 = 612,000
        assertEquals(new BigDecimal("612000.00"), results.incrementalRevenue());
        // (612,000 - 50,000) / 50,000
        assertEquals(11.24, results.returnOnCost(), 1e-9);
        assertEquals(3, results.targeted().tierChanges());
        assertEquals(12, results.targeted().leases());
    }

    @Test
    void aFreeCampaignHasNoReturnOnCostAndRevenuePerMemberIsUnroundedUntilTheEnd() {
        ResponseTally targeted = new ResponseTally(3, 1, 1, new BigDecimal("100"), 0, BigDecimal.ZERO, 0);
        ResponseTally holdout = new ResponseTally(3, 1, 1, new BigDecimal("10"), 0, BigDecimal.ZERO, 0);
        CampaignResults results = CampaignReturn.of(1, FROM, TO, false, targeted, holdout, BigDecimal.ZERO, 12);
        assertNull(results.returnOnCost());
        assertEquals(new BigDecimal("33.33"), results.targeted().revenuePerMember());
        assertEquals(new BigDecimal("90.00"), results.incrementalRevenue(), "100 - 10 x 3 / 3, not (33.33 - 3.33) x 3");
        assertEquals(0.0, results.responseUplift(), 1e-9);
    }
}
