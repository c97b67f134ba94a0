package io.atrium.hub.analytics;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The value model's weights and thresholds (configuration keys {@code atrium.analytics.*}; what each
 * does: docs/ANALYTICS.md). Amounts are CNY, points are score points out of 100.
 */
public record ValueSettings(
        BigDecimal monetaryPerPoint, int monetaryMaxPoints, int leaseMonthsCounted, BigDecimal unitYearlyFee,
        int frequencyMonths, int frequencyPointsPerDeal, int frequencyMaxPoints,
        int recencyMaxPoints, int recencyMonths,
        int silverPoints, int goldPoints, int platinumPoints, long pointsBalancePerPoint, int pointsBalanceMaxPoints,
        int currentHigh,
        int neverBoughtPoints, int leaseEndingPoints, int leaseEndingMonths, int severalUnitsPoints, int familyOfOwnerPoints,
        int potentialHigh,
        int satisfactionNeutral, int complaintPenalty, int complaintDays, int openItemPenalty, int openItemMaxPenalty,
        int arrearsPenalty, int cancelledMembershipPenalty,
        int tenurePointsPerYear, int tenureMaxPoints, int repeatPointsPerDeal, int repeatMaxPoints,
        int renewalPoints, int renewalMaxPoints) {

    /**
     * Reads every setting through the function given (MicroProfile Config in the hub, the defaults file in tests).
     *
     * @throws RuntimeException when a setting is missing or unreadable
     */
    public static ValueSettings from(Function<String, String> setting) {
        return new ValueSettings(
                new BigDecimal(setting.apply("atrium.analytics.monetary-per-point")),
                Integer.parseInt(setting.apply("atrium.analytics.monetary-max-points")),
                Integer.parseInt(setting.apply("atrium.analytics.lease-months-counted")),
                new BigDecimal(setting.apply("atrium.analytics.unit-yearly-fee")),
                Integer.parseInt(setting.apply("atrium.analytics.frequency-months")),
                Integer.parseInt(setting.apply("atrium.analytics.frequency-points-per-deal")),
                Integer.parseInt(setting.apply("atrium.analytics.frequency-max-points")),
                Integer.parseInt(setting.apply("atrium.analytics.recency-max-points")),
                Integer.parseInt(setting.apply("atrium.analytics.recency-months")),
                Integer.parseInt(setting.apply("atrium.analytics.tier-points.silver")),
                Integer.parseInt(setting.apply("atrium.analytics.tier-points.gold")),
                Integer.parseInt(setting.apply("atrium.analytics.tier-points.platinum")),
                Long.parseLong(setting.apply("atrium.analytics.points-balance-per-point")),
                Integer.parseInt(setting.apply("atrium.analytics.points-balance-max-points")),
                Integer.parseInt(setting.apply("atrium.analytics.current-high")),
                Integer.parseInt(setting.apply("atrium.analytics.potential.never-bought")),
                Integer.parseInt(setting.apply("atrium.analytics.potential.lease-ending")),
                Integer.parseInt(setting.apply("atrium.analytics.lease-ending-months")),
                Integer.parseInt(setting.apply("atrium.analytics.potential.several-units")),
                Integer.parseInt(setting.apply("atrium.analytics.potential.family-of-owner")),
                Integer.parseInt(setting.apply("atrium.analytics.potential-high")),
                Integer.parseInt(setting.apply("atrium.analytics.satisfaction.neutral")),
                Integer.parseInt(setting.apply("atrium.analytics.satisfaction.complaint-penalty")),
                Integer.parseInt(setting.apply("atrium.analytics.complaint-days")),
                Integer.parseInt(setting.apply("atrium.analytics.satisfaction.open-item-penalty")),
                Integer.parseInt(setting.apply("atrium.analytics.satisfaction.open-item-max-penalty")),
                Integer.parseInt(setting.apply("atrium.analytics.satisfaction.arrears-penalty")),
                Integer.parseInt(setting.apply("atrium.analytics.satisfaction.cancelled-membership-penalty")),
                Integer.parseInt(setting.apply("atrium.analytics.loyalty.points-per-year")),
                Integer.parseInt(setting.apply("atrium.analytics.loyalty.tenure-max-points")),
                Integer.parseInt(setting.apply("atrium.analytics.loyalty.repeat-points")),
                Integer.parseInt(setting.apply("atrium.analytics.loyalty.repeat-max-points")),
                Integer.parseInt(setting.apply("atrium.analytics.loyalty.renewal-points")),
                Integer.parseInt(setting.apply("atrium.analytics.loyalty.renewal-max-points")));
    }
}
