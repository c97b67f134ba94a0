package io.atrium.hub.analytics;

import io.atrium.client.CustomerRole;
import io.atrium.client.CustomerValueView;
import io.atrium.client.ScoredCustomersPage;

import java.util.ArrayList;
import java.util.List;

/** The stored scores as the API's views. */
public final class CustomerValueViews {

    private CustomerValueViews() {
    }

    static CustomerValueView view(CustomerValue v) {
        List<String> roles = new ArrayList<>();
        role(roles, v.isBuyer(), CustomerRole.BUYER);
        role(roles, v.isTenant(), CustomerRole.TENANT);
        role(roles, v.isOwner(), CustomerRole.OWNER);
        role(roles, v.isFamilyMember(), CustomerRole.FAMILY_MEMBER);
        role(roles, v.isMember(), CustomerRole.MEMBER);
        role(roles, v.isCaller(), CustomerRole.CALLER);
        return new CustomerValueView(v.getCustomerId(),
                v.getCurrentValue(), reasons(v.getCurrentReasons()),
                v.getPotentialValue(), reasons(v.getPotentialReasons()), v.getCell(),
                v.getSatisfaction(), reasons(v.getSatisfactionReasons()),
                v.getLoyalty(), reasons(v.getLoyaltyReasons()),
                v.isAtRisk(), riskReasons(v),
                new CustomerValueView.Figures(v.getMonetary(), v.getDeals(), v.getLastBusinessAt(), v.getFirstFactAt(),
                        v.getTier(), v.getPointsBalance(), v.getArrears(), v.getNextLeaseEnd(), v.getOwnedUnits(),
                        v.getOpenComplaints(), List.copyOf(roles)),
                v.getAsOf(), v.getComputedAt(), v.getInputsAt());
    }

    /** A line of a list of scored customers (a cell's, a segment's). */
    public static ScoredCustomersPage.ScoredCustomer scored(CustomerValue v) {
        return new ScoredCustomersPage.ScoredCustomer(v.getCustomerId(), v.getCurrentValue(), v.getPotentialValue(),
                v.getCell(), v.getSatisfaction(), v.getLoyalty(), v.isAtRisk(), riskReasons(v));
    }

    private static List<String> riskReasons(CustomerValue v) {
        return Reason.parse(v.getRiskReasons()).stream().map(Reason::rule).toList();
    }

    private static List<CustomerValueView.ScoreReason> reasons(String stored) {
        return Reason.parse(stored).stream().map(r -> new CustomerValueView.ScoreReason(r.rule(), r.points())).toList();
    }

    private static void role(List<String> roles, boolean holds, CustomerRole role) {
        if (holds) {
            roles.add(role.name());
        }
    }
}
