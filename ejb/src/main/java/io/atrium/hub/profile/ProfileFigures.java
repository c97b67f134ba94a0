package io.atrium.hub.profile;

import io.atrium.client.CustomerRole;
import io.atrium.client.ProfileSummary;
import io.atrium.hub.fact.FactFigures;
import io.atrium.resolution.model.FactType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A customer's roles and per-system summary from the tallies of its facts (pure: the counting is the database's). */
public final class ProfileFigures {

    /** Membership tiers, lowest first. */
    private static final List<String> TIERS = List.of("SILVER", "GOLD", "PLATINUM");

    private ProfileFigures() {
    }

    /** The roles the facts show, in the enum's order; a cancelled contract or membership shows none. */
    public static Set<CustomerRole> roles(List<FactTally> tallies) {
        Set<CustomerRole> roles = EnumSet.noneOf(CustomerRole.class);
        for (FactTally t : tallies) {
            switch (t.type()) {
                case CONTRACT -> {
                    if (!FactFigures.CANCELLED.equals(t.state())) {
                        roles.add(CustomerRole.BUYER);
                    }
                }
                case LEASE -> roles.add(CustomerRole.TENANT);
                case UNIT -> {
                    if ("OWNER".equals(t.state())) {
                        roles.add(CustomerRole.OWNER);
                    } else if ("FAMILY".equals(t.state())) {
                        roles.add(CustomerRole.FAMILY_MEMBER);
                    } else if ("TENANT".equals(t.state())) {
                        roles.add(CustomerRole.TENANT);
                    }
                }
                case MEMBERSHIP -> {
                    if (!FactFigures.CANCELLED.equals(t.state())) {
                        roles.add(CustomerRole.MEMBER);
                    }
                }
                case TICKET -> roles.add(CustomerRole.CALLER);
                default -> {
                }
            }
        }
        return roles;
    }

    /**
     * @param units         the customer's units (listed, not counted: a customer holds few)
     * @param pointsBalance the latest balance of each membership summed, null when no points movement is known
     */
    public static ProfileSummary summary(List<FactTally> tallies, List<ProfileSummary.Unit> units, Long pointsBalance) {
        Tallies t = new Tallies(tallies);
        return new ProfileSummary(
                new ProfileSummary.Sales(t.count(FactType.CONTRACT, any()), t.count(FactType.CONTRACT, is("SIGNED")),
                        t.count(FactType.CONTRACT, is("RESERVED")), t.count(FactType.CONTRACT, is(FactFigures.CANCELLED)),
                        t.amount(FactType.CONTRACT, is("SIGNED")), t.amount(FactType.CONTRACT, is("RESERVED"))),
                new ProfileSummary.Leasing(t.count(FactType.LEASE, any()), t.count(FactType.LEASE, is(FactFigures.ACTIVE)),
                        t.amount(FactType.LEASE, is(FactFigures.ACTIVE)),
                        t.date(FactType.LEASE, is(FactFigures.ACTIVE), FactTally::firstEnd, Comparator.naturalOrder()),
                        t.date(FactType.LEASE, any(), FactTally::lastEnd, Comparator.reverseOrder())),
                new ProfileSummary.Property(List.copyOf(units), t.amount(FactType.ARREARS, any()),
                        t.count(FactType.WORK_ORDER, any()), t.count(FactType.WORK_ORDER, is(FactFigures.OPEN)),
                        t.averageRating(FactType.WORK_ORDER)),
                new ProfileSummary.Membership(
                        t.of(FactType.MEMBERSHIP, any()).map(FactTally::state).filter(TIERS::contains)
                                .max(Comparator.comparingInt(TIERS::indexOf)).orElse(null),
                        t.count(FactType.MEMBERSHIP, is(FactFigures.CANCELLED).negate()), pointsBalance,
                        t.count(FactType.POINTS, any())),
                new ProfileSummary.Service(t.count(FactType.TICKET, any()), t.count(FactType.TICKET, is(FactFigures.OPEN)),
                        t.averageRating(FactType.TICKET)));
    }

    private static Predicate<String> any() {
        return state -> true;
    }

    private static Predicate<String> is(String wanted) {
        return wanted::equals;
    }

    private record Tallies(List<FactTally> all) {

        Stream<FactTally> of(FactType type, Predicate<String> state) {
            return all.stream().filter(t -> t.type() == type && state.test(t.state()));
        }

        long count(FactType type, Predicate<String> state) {
            return of(type, state).mapToLong(FactTally::count).sum();
        }

        BigDecimal amount(FactType type, Predicate<String> state) {
            return of(type, state).map(FactTally::amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        LocalDate date(FactType type, Predicate<String> state, Function<FactTally, LocalDate> date, Comparator<LocalDate> first) {
            return of(type, state).map(date).filter(Objects::nonNull).min(first).orElse(null);
        }

        Double averageRating(FactType type) {
            long rated = of(type, any()).mapToLong(FactTally::rated).sum();
            return rated == 0 ? null : (double) of(type, any()).mapToLong(FactTally::ratingSum).sum() / rated;
        }
    }
}
