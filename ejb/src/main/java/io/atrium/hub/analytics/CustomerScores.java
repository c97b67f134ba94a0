package io.atrium.hub.analytics;

import io.atrium.client.CustomerRole;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A customer's value, satisfaction and loyalty as the model scored them on a date, each score with the rules
 * that made it, and the figures they came from (stored beside them, as columns, for segment rules to query).
 */
public record CustomerScores(
        String customerId, LocalDate asOf,
        int currentValue, List<Reason> currentReasons,
        int potentialValue, List<Reason> potentialReasons,
        ValueCell cell,
        int satisfaction, List<Reason> satisfactionReasons,
        int loyalty, List<Reason> loyaltyReasons,
        boolean atRisk, List<Reason> riskReasons,
        Figures figures) {

    /**
     * @param monetary       signed contract prices + counted rent of every lease + yearly fees of the units owned (CNY)
     * @param deals          contracts not cancelled and leases
     * @param lastBusinessAt the newest contract, lease or points movement
     * @param firstFactAt    the oldest fact of any kind (the start of tenure)
     * @param nextLeaseEnd   the nearest end of an active lease
     * @param openComplaints complaints (tickets and work orders) still open
     */
    public record Figures(Set<CustomerRole> roles, BigDecimal monetary, long deals, Instant lastBusinessAt,
                          Instant firstFactAt, String tier, Long pointsBalance, BigDecimal arrears,
                          LocalDate nextLeaseEnd, long ownedUnits, long openComplaints) {
    }
}
