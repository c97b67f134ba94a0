package io.atrium.hub.analytics;

import io.atrium.hub.profile.FactTally;
import io.atrium.resolution.model.FactType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The value model on hand-built customers, with the shipped defaults (microprofile-config.properties): each
 * expected score is worked out in the comments from the rules in docs/ANALYTICS.md.
 */
class ValueModelTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final ValueModel MODEL = new ValueModel(defaults());

    @Test
    void aGoldMemberWhoBoughtAndComplainsIsHighValueAndAtRisk() {
        CustomerActivity buyer = new CustomerActivity("C-buyer", List.of(
                fact(FactType.CONTRACT, "SIGNED").amount("1500000").at("2025-12-01").inWindow(1).build(),
                fact(FactType.MEMBERSHIP, "GOLD").at("2020-03-15").build(),
                fact(FactType.POINTS, "POINTS_EARNED").count(2).at("2025-11-01", "2026-05-10").inWindow(2).build(),
                fact(FactType.TICKET, "CLOSED").category("COMPLAINT").rated(1, 2).at("2026-06-01").inComplaintWindow(1).build(),
                fact(FactType.TICKET, "OPEN").category("COMPLAINT").at("2026-06-20").inComplaintWindow(1).build(),
                fact(FactType.ARREARS, null).amount("1200.50").build()), 3400L);

        CustomerScores scores = MODEL.score(buyer, AS_OF);

        // 1,500,000 / 50,000 = 30; 3 deals in 24 months x 5 = 15; last business 2026-05-10, 1 month ago: 20 x 23/24 = 19;
        // GOLD 10; 3,400 points / 1,000 = 3
        assertEquals(List.of(new Reason("MONETARY", 30), new Reason("FREQUENCY", 15), new Reason("RECENCY", 19),
                new Reason("MEMBERSHIP_TIER", 10), new Reason("POINTS_BALANCE", 3)), scores.currentReasons());
        assertEquals(77, scores.currentValue());
        // a buyer: no prospect; no lease, unit or family
        assertEquals(0, scores.potentialValue());
        assertEquals(ValueCell.HIGH_LOW, scores.cell());
        // one rating of 2: (2 - 1) x 25 = 25; two complaints in 90 days -30; one open ticket -5; arrears -15: -25, so 0
        assertEquals(List.of(new Reason("RATINGS", 25), new Reason("RECENT_COMPLAINTS", -30), new Reason("OPEN_ITEMS", -5),
                new Reason("ARREARS", -15)), scores.satisfactionReasons());
        assertEquals(0, scores.satisfaction());
        // first fact 2020-03-15: 6 whole years x 8 = 48, capped at 40; one deal: no repeat
        assertEquals(List.of(new Reason("TENURE", 40)), scores.loyaltyReasons());
        assertEquals(40, scores.loyalty());
        assertTrue(scores.atRisk());
        assertEquals(List.of("RECENT_UNRESOLVED_COMPLAINT", "ARREARS"), scores.riskReasons().stream().map(Reason::rule).toList());
        assertEquals(new BigDecimal("1500000"), scores.figures().monetary());
        assertEquals(1, scores.figures().openComplaints());
    }

    @Test
    void aTenantWhoseLeaseEndsSoonAndWhoseFamilyOwnsIsLowValueHighPotentialAndNotAtRisk() {
        CustomerActivity tenant = tenant();

        CustomerScores scores = MODEL.score(tenant, AS_OF);

        // (8,000 + 10,000) x 12 months = 216,000: 4; nothing within 24 months; last business 2024-03-01, 27 months ago: 0
        assertEquals(List.of(new Reason("MONETARY", 4)), scores.currentReasons());
        assertEquals(4, scores.currentValue());
        // active lease ends 2026-10-31, within 6 months: 30; lives in an owner's unit as family: 25
        assertEquals(List.of(new Reason("LEASE_ENDING", 30), new Reason("FAMILY_OF_OWNER", 25)), scores.potentialReasons());
        assertEquals(55, scores.potentialValue());
        assertEquals(ValueCell.LOW_HIGH, scores.cell());
        // a work order rated 5: 100; one still open: -5
        assertEquals(95, scores.satisfaction());
        // first lease 2022-03-01: 4 years x 8 = 32; the second lease is a renewal: 15
        assertEquals(List.of(new Reason("TENURE", 32), new Reason("RENEWALS", 15)), scores.loyaltyReasons());
        assertEquals(47, scores.loyalty());
        // its lease ends without renewal, but it is not high value: not flagged
        assertFalse(scores.atRisk());
        assertEquals(List.of(), scores.riskReasons());
    }

    @Test
    void scoresAreReckonedAsOfTheDateGiven() {
        // seven months later the lease has ended: no longer a lease ending within six months
        CustomerScores later = MODEL.score(tenant(), LocalDate.of(2027, 1, 31));

        assertEquals(List.of(new Reason("FAMILY_OF_OWNER", 25)), later.potentialReasons());
        assertEquals(ValueCell.LOW_LOW, later.cell());
    }

    @Test
    void anOwnerOfSeveralUnitsWhoRenewedIsHighHighAndNotAtRisk() {
        CustomerActivity owner = new CustomerActivity("C-owner", List.of(
                fact(FactType.CONTRACT, "SIGNED").count(2).amount("3000000").at("2019-05-01", "2026-03-15").inWindow(1).build(),
                fact(FactType.CONTRACT, "CANCELLED").amount("900000").at("2026-06-01").inWindow(1).build(),
                fact(FactType.UNIT, "OWNER").count(2).build(),
                fact(FactType.LEASE, "ACTIVE").count(2).amount("11000").ends("2026-08-31", "2028-08-31")
                        .at("2024-09-01", "2026-05-01").inWindow(1).build(),
                fact(FactType.MEMBERSHIP, "PLATINUM").build()), null);

        CustomerScores scores = MODEL.score(owner, AS_OF);

        // 3,000,000 signed + 11,000 x 12 rent + 2 units x 6,000 fees = 3,144,000: 62, capped at 40; the cancelled
        // contract counts for nothing; 2 deals in 24 months: 10; last 2026-05-01: 19; PLATINUM 15
        assertEquals(new BigDecimal("3144000"), scores.figures().monetary());
        assertEquals(List.of(new Reason("MONETARY", 40), new Reason("FREQUENCY", 10), new Reason("RECENCY", 19),
                new Reason("MEMBERSHIP_TIER", 15)), scores.currentReasons());
        assertEquals(84, scores.currentValue());
        // a lease ends 2026-08-31: 30; owns two units: 30
        assertEquals(List.of(new Reason("LEASE_ENDING", 30), new Reason("SEVERAL_UNITS", 30)), scores.potentialReasons());
        assertEquals(ValueCell.HIGH_HIGH, scores.cell());
        assertEquals(List.of(new Reason("NO_RATINGS", 60)), scores.satisfactionReasons());
        // since 2019-05-01: 7 years, capped 40; two purchases and leasing: 2 repeat deals x 10; one renewal 15
        assertEquals(List.of(new Reason("TENURE", 40), new Reason("REPEAT_BUSINESS", 20), new Reason("RENEWALS", 15)),
                scores.loyaltyReasons());
        assertEquals(75, scores.loyalty());
        // the lease ending soon is renewed (another ends 2028-08-31): not at risk
        assertFalse(scores.atRisk());
    }

    @Test
    void aHighValueTenantWhoseOnlyLeaseEndsSoonIsAtRisk() {
        CustomerActivity tenant = new CustomerActivity("C-big-tenant", List.of(
                fact(FactType.LEASE, "ACTIVE").amount("200000").ends("2026-09-30", "2026-09-30").at("2024-10-01").build(),
                fact(FactType.MEMBERSHIP, "PLATINUM").build()), null);

        CustomerScores scores = MODEL.score(tenant, AS_OF);

        // 200,000 x 12 = 2,400,000: 40 (capped 48); 2024-10-01 is 20 months ago: 20 x 4/24 = 3; PLATINUM 15: 58
        assertEquals(58, scores.currentValue());
        assertTrue(scores.atRisk());
        assertEquals(List.of(new Reason("LEASE_ENDING_WITHOUT_RENEWAL", 0)), scores.riskReasons());
    }

    @Test
    void aMemberWhoNeverBoughtIsAProspectAndACancelledOneIsLessSatisfied() {
        CustomerScores member = MODEL.score(new CustomerActivity("C-member", List.of(
                fact(FactType.MEMBERSHIP, "SILVER").at("2026-01-10").build()), null), AS_OF);
        CustomerScores cancelled = MODEL.score(new CustomerActivity("C-gone", List.of(
                fact(FactType.MEMBERSHIP, "CANCELLED").at("2025-01-10").build()), null), AS_OF);
        CustomerScores unknown = MODEL.score(new CustomerActivity("C-none", List.of(), null), AS_OF);

        // SILVER 5, no business; a member who never bought or leased: 40
        assertEquals(5, member.currentValue());
        assertEquals(List.of(new Reason("NEVER_BOUGHT_OR_LEASED", 40)), member.potentialReasons());
        assertEquals(ValueCell.LOW_HIGH, member.cell());
        // a cancelled membership is no member: no prospect; 60 - 10
        assertEquals(ValueCell.LOW_LOW, cancelled.cell());
        assertEquals(50, cancelled.satisfaction());
        assertEquals(List.of(new Reason("NO_RATINGS", 60)), unknown.satisfactionReasons());
        assertEquals(0, unknown.loyalty());
    }

    @Test
    void reasonsAreStoredAsTextAndReadBack() {
        List<Reason> reasons = List.of(new Reason("RATINGS", 25), new Reason("ARREARS", -15));

        assertEquals("RATINGS=25,ARREARS=-15", Reason.format(reasons));
        assertEquals(reasons, Reason.parse("RATINGS=25,ARREARS=-15"));
        assertEquals(List.of(), Reason.parse(""));
    }

    private static CustomerActivity tenant() {
        return new CustomerActivity("C-tenant", List.of(
                fact(FactType.LEASE, "EXPIRED").amount("8000").ends("2024-02-28", "2024-02-28").at("2022-03-01").build(),
                fact(FactType.LEASE, "ACTIVE").amount("10000").ends("2026-10-31", "2026-10-31").at("2024-03-01").build(),
                fact(FactType.UNIT, "FAMILY").build(),
                fact(FactType.WORK_ORDER, "CLOSED").category("REPAIR").rated(1, 5).at("2025-05-01").build(),
                fact(FactType.WORK_ORDER, "OPEN").category("REPAIR").at("2026-06-01").build()), null);
    }

    static ValueSettings defaults() {
        Properties properties = new Properties();
        try (InputStream in = ValueModelTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ValueSettings.from(properties::getProperty);
    }

    private static Fact fact(FactType type, String state) {
        return new Fact(type, state);
    }

    /** A tally of one type and state, one fact unless told. */
    private static final class Fact {
        private final FactType type;
        private final String state;
        private String category;
        private long count = 1;
        private BigDecimal amount;
        private LocalDate firstEnd;
        private LocalDate lastEnd;
        private long rated;
        private long ratingSum;
        private Instant firstAt;
        private Instant lastAt;
        private long inWindow;
        private long inComplaintWindow;

        Fact(FactType type, String state) {
            this.type = type;
            this.state = state;
        }

        Fact category(String category) { this.category = category; return this; }
        Fact count(long count) { this.count = count; return this; }
        Fact amount(String amount) { this.amount = new BigDecimal(amount); return this; }
        Fact ends(String first, String last) { firstEnd = LocalDate.parse(first); lastEnd = LocalDate.parse(last); return this; }
        Fact rated(long rated, long sum) { this.rated = rated; ratingSum = sum; return this; }
        Fact at(String day) { return at(day, day); }
        Fact at(String first, String last) { firstAt = instant(first); lastAt = instant(last); return this; }
        Fact inWindow(long facts) { inWindow = facts; return this; }
        Fact inComplaintWindow(long facts) { inComplaintWindow = facts; return this; }

        ActivityTally build() {
            return new ActivityTally(new FactTally(type, state, count, amount, firstEnd, lastEnd, ratingSum, rated),
                    category, firstAt, lastAt, inWindow, inComplaintWindow, lastAt);
        }

        private static Instant instant(String day) {
            return LocalDate.parse(day).atStartOfDay(ValueModel.GROUP_ZONE).toInstant();
        }
    }
}
