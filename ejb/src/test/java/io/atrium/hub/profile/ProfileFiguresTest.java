package io.atrium.hub.profile;

import io.atrium.client.CustomerRole;
import io.atrium.client.ProfileSummary;
import io.atrium.resolution.model.FactType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProfileFiguresTest {

    private static FactTally tally(FactType type, String state, long count, String amount) {
        return new FactTally(type, state, count, amount == null ? null : new BigDecimal(amount), null, null, 0, 0);
    }

    @Test
    void rolesFollowTheFactsButNotCancelledContractsOrMemberships() {
        assertEquals(EnumSet.of(CustomerRole.TENANT, CustomerRole.OWNER, CustomerRole.FAMILY_MEMBER, CustomerRole.CALLER),
                ProfileFigures.roles(List.of(tally(FactType.CONTRACT, "CANCELLED", 1, "100"),
                        tally(FactType.MEMBERSHIP, "CANCELLED", 1, null), tally(FactType.UNIT, "OWNER", 1, null),
                        tally(FactType.UNIT, "FAMILY", 2, null), tally(FactType.LEASE, "EXPIRED", 1, "10"),
                        tally(FactType.TICKET, "OPEN", 3, null))));
        assertEquals(EnumSet.of(CustomerRole.BUYER, CustomerRole.TENANT, CustomerRole.MEMBER),
                ProfileFigures.roles(List.of(tally(FactType.CONTRACT, "RESERVED", 1, "100"),
                        tally(FactType.UNIT, "TENANT", 1, null), tally(FactType.MEMBERSHIP, "GOLD", 1, null))));
    }

    @Test
    void theSummaryAddsUpEachSystemsTallies() {
        List<FactTally> tallies = List.of(
                tally(FactType.CONTRACT, "SIGNED", 2, "3000000.00"), tally(FactType.CONTRACT, "RESERVED", 1, "900000.00"),
                tally(FactType.CONTRACT, "CANCELLED", 1, "500000.00"),
                new FactTally(FactType.LEASE, "ACTIVE", 2, new BigDecimal("20500.00"), LocalDate.of(2026, 2, 28), LocalDate.of(2027, 3, 31), 0, 0),
                new FactTally(FactType.LEASE, "TERMINATED", 1, new BigDecimal("8000.00"), LocalDate.of(2028, 1, 1), LocalDate.of(2028, 1, 1), 0, 0),
                tally(FactType.ARREARS, null, 2, "1300.50"),
                new FactTally(FactType.WORK_ORDER, "OPEN", 1, null, null, null, 0, 0),
                new FactTally(FactType.WORK_ORDER, "CLOSED", 3, null, null, null, 9, 2),
                tally(FactType.MEMBERSHIP, "SILVER", 1, null), tally(FactType.MEMBERSHIP, "PLATINUM", 1, null),
                tally(FactType.MEMBERSHIP, "CANCELLED", 1, null), tally(FactType.POINTS, "POINTS_EARNED", 5, "3400"),
                new FactTally(FactType.TICKET, "CLOSED", 2, null, null, null, 7, 2),
                new FactTally(FactType.TICKET, "OPEN", 1, null, null, null, 0, 0));
        List<ProfileSummary.Unit> units = List.of(new ProfileSummary.Unit("翠湖花园", "3栋", "1502", "OWNER"));

        ProfileSummary summary = ProfileFigures.summary(tallies, units, 3400L);

        assertEquals(new ProfileSummary.Sales(4, 2, 1, 1, new BigDecimal("3000000.00"), new BigDecimal("900000.00")), summary.sales());
        assertEquals(new ProfileSummary.Leasing(3, 2, new BigDecimal("20500.00"), LocalDate.of(2026, 2, 28), LocalDate.of(2028, 1, 1)),
                summary.leasing());
        assertEquals(new ProfileSummary.Property(units, new BigDecimal("1300.50"), 4, 1, 4.5), summary.property());
        assertEquals(new ProfileSummary.Membership("PLATINUM", 2, 3400L, 5), summary.membership());
        assertEquals(new ProfileSummary.Service(3, 1, 3.5), summary.service());
    }

    @Test
    void aCustomerWithoutFactsHasZerosAndNoAverages() {
        ProfileSummary summary = ProfileFigures.summary(List.of(), List.of(), null);
        assertEquals(BigDecimal.ZERO, summary.sales().signedAmount());
        assertNull(summary.leasing().nextEnd());
        assertNull(summary.property().averageRating());
        assertNull(summary.membership().tier());
        assertNull(summary.service().averageSatisfaction());
    }
}
