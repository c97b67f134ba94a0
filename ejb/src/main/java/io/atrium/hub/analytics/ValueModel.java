package io.atrium.hub.analytics;

import io.atrium.client.CustomerRole;
import io.atrium.client.ProfileSummary;
import io.atrium.hub.fact.FactFigures;
import io.atrium.hub.profile.FactTally;
import io.atrium.hub.profile.ProfileFigures;
import io.atrium.resolution.model.FactType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The value, satisfaction and loyalty model (docs/ANALYTICS.md): pure, on a customer's tallied facts and a
 * date "as of" which recency, windows and lease ends are reckoned. Roles and the per-system summary are the
 * profile's own ({@link ProfileFigures}), so the scores and the customer view never disagree about them.
 */
public final class ValueModel {

    /** The zone the group's dates are in: a fact's time becomes a date there. */
    public static final ZoneId GROUP_ZONE = ZoneId.of("Asia/Shanghai");

    /** Today in the group's time zone: the date scores and segments are reckoned as of. */
    public static LocalDate today() {
        return LocalDate.now(GROUP_ZONE);
    }
    static final String COMPLAINT = "COMPLAINT";

    private final ValueSettings settings;

    public ValueModel(ValueSettings settings) {
        this.settings = settings;
    }

    public CustomerScores score(CustomerActivity activity, LocalDate asOf) {
        List<FactTally> tallies = activity.factTallies();
        Set<CustomerRole> roles = ProfileFigures.roles(tallies);
        ProfileSummary summary = ProfileFigures.summary(tallies, List.of(), activity.pointsBalance());
        Facts facts = new Facts(activity.tallies());

        long purchases = facts.count(FactType.CONTRACT, notCancelled());
        long leases = summary.leasing().leases();
        long ownedUnits = facts.count(FactType.UNIT, "OWNER"::equals);
        BigDecimal monetary = summary.sales().signedAmount()
                .add(facts.amount(FactType.LEASE).multiply(BigDecimal.valueOf(settings.leaseMonthsCounted())))
                .add(settings.unitYearlyFee().multiply(BigDecimal.valueOf(ownedUnits)));
        Instant lastBusiness = facts.business().map(ActivityTally::lastAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        long recentBusiness = facts.business().mapToLong(ActivityTally::inFrequencyWindow).sum();
        BigDecimal arrears = summary.property().arrears();
        LocalDate nextLeaseEnd = summary.leasing().nextEnd();
        boolean leaseEndingSoon = nextLeaseEnd != null && !nextLeaseEnd.isBefore(asOf)
                && !nextLeaseEnd.isAfter(asOf.plusMonths(settings.leaseEndingMonths()));
        long openComplaints = facts.complaints().filter(t -> FactFigures.OPEN.equals(t.tally().state()))
                .mapToLong(t -> t.tally().count()).sum();

        List<Reason> current = new ArrayList<>();
        add(current, "MONETARY", Math.min(settings.monetaryMaxPoints(),
                monetary.divide(settings.monetaryPerPoint(), 0, RoundingMode.DOWN).intValue()));
        add(current, "FREQUENCY", (int) Math.min(settings.frequencyMaxPoints(), recentBusiness * settings.frequencyPointsPerDeal()));
        add(current, "RECENCY", recency(lastBusiness, asOf));
        add(current, "MEMBERSHIP_TIER", tierPoints(summary.membership().tier()));
        add(current, "POINTS_BALANCE", activity.pointsBalance() == null || activity.pointsBalance() <= 0 ? 0
                : (int) Math.min(settings.pointsBalanceMaxPoints(), activity.pointsBalance() / settings.pointsBalancePerPoint()));
        int currentValue = clamp(total(current));

        List<Reason> potential = new ArrayList<>();
        boolean prospect = (roles.contains(CustomerRole.MEMBER) || roles.contains(CustomerRole.CALLER))
                && !roles.contains(CustomerRole.BUYER) && !roles.contains(CustomerRole.TENANT);
        add(potential, "NEVER_BOUGHT_OR_LEASED", prospect ? settings.neverBoughtPoints() : 0);
        add(potential, "LEASE_ENDING", leaseEndingSoon ? settings.leaseEndingPoints() : 0);
        add(potential, "SEVERAL_UNITS", ownedUnits >= 2 ? settings.severalUnitsPoints() : 0);
        add(potential, "FAMILY_OF_OWNER", roles.contains(CustomerRole.FAMILY_MEMBER) ? settings.familyOfOwnerPoints() : 0);
        int potentialValue = clamp(total(potential));

        List<Reason> satisfaction = new ArrayList<>();
        long rated = facts.of(FactType.TICKET).mapToLong(t -> t.tally().rated()).sum()
                + facts.of(FactType.WORK_ORDER).mapToLong(t -> t.tally().rated()).sum();
        long ratingSum = facts.of(FactType.TICKET).mapToLong(t -> t.tally().ratingSum()).sum()
                + facts.of(FactType.WORK_ORDER).mapToLong(t -> t.tally().ratingSum()).sum();
        if (rated == 0) {
            satisfaction.add(new Reason("NO_RATINGS", settings.satisfactionNeutral()));
        } else {
            // ratings are 1..5: 1 is 0, 5 is 100
            satisfaction.add(new Reason("RATINGS", (int) Math.round((ratingSum - rated) * 25.0 / rated)));
        }
        long recentComplaints = facts.complaints().mapToLong(ActivityTally::inComplaintWindow).sum();
        add(satisfaction, "RECENT_COMPLAINTS", (int) -(recentComplaints * settings.complaintPenalty()));
        long openItems = summary.service().openTickets() + summary.property().openWorkOrders();
        add(satisfaction, "OPEN_ITEMS", (int) -Math.min(settings.openItemMaxPenalty(), openItems * settings.openItemPenalty()));
        add(satisfaction, "ARREARS", arrears.signum() > 0 ? -settings.arrearsPenalty() : 0);
        boolean cancelledMember = facts.count(FactType.MEMBERSHIP, FactFigures.CANCELLED::equals) > 0
                && summary.membership().activeMemberships() == 0;
        add(satisfaction, "MEMBERSHIP_CANCELLED", cancelledMember ? -settings.cancelledMembershipPenalty() : 0);

        List<Reason> loyalty = new ArrayList<>();
        Instant firstFact = activity.firstAt();
        long years = firstFact == null ? 0 : Math.max(0, ChronoUnit.YEARS.between(date(firstFact), asOf));
        add(loyalty, "TENURE", (int) Math.min(settings.tenureMaxPoints(), years * settings.tenurePointsPerYear()));
        // leases after the first are renewals; repeat business counts the other deals after the first
        long repeat = Math.max(0, purchases + (leases > 0 ? 1 : 0) - 1);
        add(loyalty, "REPEAT_BUSINESS", (int) Math.min(settings.repeatMaxPoints(), repeat * settings.repeatPointsPerDeal()));
        add(loyalty, "RENEWALS", (int) Math.min(settings.renewalMaxPoints(), Math.max(0, leases - 1) * settings.renewalPoints()));

        boolean highCurrent = currentValue >= settings.currentHigh();
        List<Reason> risks = new ArrayList<>();
        if (highCurrent) {
            long recentOpenComplaints = facts.complaints().filter(t -> FactFigures.OPEN.equals(t.tally().state()))
                    .mapToLong(ActivityTally::inComplaintWindow).sum();
            if (recentOpenComplaints > 0) {
                risks.add(new Reason("RECENT_UNRESOLVED_COMPLAINT", 0));
            }
            if (arrears.signum() > 0) {
                risks.add(new Reason("ARREARS", 0));
            }
            // no lease of the customer ends after the one ending soon: nothing renews it yet
            if (leaseEndingSoon && nextLeaseEnd.equals(summary.leasing().lastEnd())) {
                risks.add(new Reason("LEASE_ENDING_WITHOUT_RENEWAL", 0));
            }
        }

        return new CustomerScores(activity.customerId(), asOf,
                currentValue, List.copyOf(current), potentialValue, List.copyOf(potential),
                ValueCell.of(highCurrent, potentialValue >= settings.potentialHigh()),
                clamp(total(satisfaction)), List.copyOf(satisfaction), clamp(total(loyalty)), List.copyOf(loyalty),
                !risks.isEmpty(), List.copyOf(risks),
                new CustomerScores.Figures(roles, monetary, purchases + leases, lastBusiness, firstFact,
                        summary.membership().tier(), activity.pointsBalance(), arrears, nextLeaseEnd, ownedUnits, openComplaints));
    }

    /** Full points for business this month, falling linearly to none after the recency window. */
    private int recency(Instant lastBusiness, LocalDate asOf) {
        if (lastBusiness == null) {
            return 0;
        }
        long months = Math.max(0, ChronoUnit.MONTHS.between(date(lastBusiness), asOf));
        return (int) Math.max(0, settings.recencyMaxPoints() * (settings.recencyMonths() - months) / settings.recencyMonths());
    }

    private int tierPoints(String tier) {
        if (tier == null) {
            return 0;
        }
        return switch (tier) {
            case "SILVER" -> settings.silverPoints();
            case "GOLD" -> settings.goldPoints();
            case "PLATINUM" -> settings.platinumPoints();
            default -> 0;
        };
    }

    private static LocalDate date(Instant at) {
        return at.atZone(GROUP_ZONE).toLocalDate();
    }

    /** Only rules that fired are reasons. */
    private static void add(List<Reason> reasons, String rule, int points) {
        if (points != 0) {
            reasons.add(new Reason(rule, points));
        }
    }

    private static int total(List<Reason> reasons) {
        return reasons.stream().mapToInt(Reason::points).sum();
    }

    private static int clamp(int score) {
        return Math.max(0, Math.min(100, score));
    }

    private static Predicate<String> notCancelled() {
        return state -> !FactFigures.CANCELLED.equals(state);
    }

    private record Facts(List<ActivityTally> all) {

        Stream<ActivityTally> of(FactType type) {
            return all.stream().filter(t -> t.tally().type() == type);
        }

        long count(FactType type, Predicate<String> state) {
            return of(type).filter(t -> state.test(t.tally().state())).mapToLong(t -> t.tally().count()).sum();
        }

        BigDecimal amount(FactType type) {
            return of(type).map(t -> t.tally().amount()).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Business done: contracts not cancelled, leases, points movements. */
        Stream<ActivityTally> business() {
            return all.stream().filter(t -> switch (t.tally().type()) {
                case CONTRACT -> !FactFigures.CANCELLED.equals(t.tally().state());
                case LEASE, POINTS -> true;
                default -> false;
            });
        }

        Stream<ActivityTally> complaints() {
            return all.stream().filter(t -> (t.tally().type() == FactType.TICKET || t.tally().type() == FactType.WORK_ORDER)
                    && COMPLAINT.equals(t.category()));
        }
    }
}
