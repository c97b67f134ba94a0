package io.atrium.resolution.match;

import io.atrium.resolution.standardize.StandardizedRecord;

/**
 * The review queue's order: a review pair's score under other weights (settings learned from the population's own
 * candidate pairs, {@link WeightLearning}), so that a steward meets the true matches first. Only the order: the pair
 * keeps the decision its score gave. Without such settings, and for pairs that are not review pairs, the priority is
 * the score itself.
 */
public final class ReviewPriority {

    /** The queue by score, highest first. */
    public static final ReviewPriority BY_SCORE = new ReviewPriority(null);

    /** Null: by score. */
    private final Scorer ordering;

    private ReviewPriority(Scorer ordering) {
        this.ordering = ordering;
    }

    /** Review pairs ordered by their score under these settings (their thresholds play no part). */
    public static ReviewPriority scoredWith(MatchSettings orderingSettings) {
        return new ReviewPriority(new Scorer(orderingSettings));
    }

    /**
     * The priority of a pair the hub's scorer decided as {@code result}.
     *
     * @param a           one of the pair's standardized records (either order)
     * @param b           the other
     * @param frequencies the value frequencies {@code result} was scored with
     */
    public double of(MatchResult result, StandardizedRecord a, StandardizedRecord b, ValueFrequencies frequencies) {
        if (ordering == null || result.decision() != Decision.REVIEW) {
            return result.score();
        }
        return ordering.score(a, b, frequencies).score();
    }

    /** Whether priorities are scores under settings of their own. */
    public boolean hasOwnSettings() {
        return ordering != null;
    }
}
