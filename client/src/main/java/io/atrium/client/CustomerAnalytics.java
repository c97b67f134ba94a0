package io.atrium.client;

/**
 * The customers' value, satisfaction and loyalty scores as the hub keeps them (the value model: the hub's
 * docs/ANALYTICS.md): remote over {@code remote+http} (look it up as
 * {@code ejb:atrium/atrium-ejb//CustomerAnalyticsBean!io.atrium.client.CustomerAnalytics}) and local for the
 * hub's REST layer. Scores are no personal data: every hub role reads them; starting a full recompute is for
 * {@code hub-admin}.
 */
public interface CustomerAnalytics {

    /**
     * The customer's scores with their reasons, or null when there is no such customer; a merged-away id answers
     * with its survivor's. A customer not scored yet is scored at once.
     */
    CustomerValueView value(String customerId);

    /** How many active customers each cell of the value matrix holds, and how many are at risk. */
    ValueMatrix valueMatrix();

    /** How the scored customers spread over satisfaction and loyalty, in buckets of ten points. */
    ScoreDistribution distribution();

    /**
     * A page of scored customers, highest current value first (then by id), optionally of one cell and at risk or not,
     * each with its at-risk reasons.
     *
     * @param cell   HIGH_HIGH, HIGH_LOW, LOW_HIGH, LOW_LOW, or null for all
     * @param atRisk true or false to keep only those, null for all
     * @param page   0 for the first
     * @param size   1 to 500
     * @throws InvalidQueryException an unknown cell or a page out of range
     */
    ScoredCustomersPage customers(String cell, Boolean atRisk, int page, int size) throws InvalidQueryException;

    /** Starts scoring every active customer again in the background unless it runs already (hub-admin). */
    RecomputeProgress recompute();

    /** The progress of the latest full recompute. */
    RecomputeProgress recomputeProgress();
}
