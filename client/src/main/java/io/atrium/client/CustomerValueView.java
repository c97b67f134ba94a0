package io.atrium.client;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's scores (0 to 100 each) with the rules that made them and what each contributed, as stored.
 *
 * @param customerId   the customer scored (a merged-away id's survivor)
 * @param cell         the value matrix's cell: HIGH_HIGH, HIGH_LOW, LOW_HIGH, LOW_LOW (current × potential)
 * @param riskReasons  why it is at risk (RECENT_UNRESOLVED_COMPLAINT, ARREARS, LEASE_ENDING_WITHOUT_RENEWAL); empty when not
 * @param asOf         the date recency, windows and lease ends were reckoned from
 * @param inputsAt     the newest version among the facts scored
 */
public record CustomerValueView(String customerId, int currentValue, List<ScoreReason> currentReasons,
                                int potentialValue, List<ScoreReason> potentialReasons, String cell,
                                int satisfaction, List<ScoreReason> satisfactionReasons,
                                int loyalty, List<ScoreReason> loyaltyReasons,
                                boolean atRisk, List<String> riskReasons,
                                Figures figures, LocalDate asOf, Instant computedAt, Instant inputsAt) implements Serializable {

    /** A rule that fired and the points it gave (negative for a satisfaction penalty). */
    public record ScoreReason(String rule, int points) implements Serializable {
    }

    /** The figures scored: amounts in CNY. */
    public record Figures(BigDecimal monetary, long deals, Instant lastBusinessAt, Instant firstFactAt, String tier,
                          Long pointsBalance, BigDecimal arrears, LocalDate nextLeaseEnd, long ownedUnits,
                          long openComplaints, List<String> roles) implements Serializable {
    }
}
