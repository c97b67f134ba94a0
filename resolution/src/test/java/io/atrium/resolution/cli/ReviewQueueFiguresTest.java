package io.atrium.resolution.cli;

import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.resolve.Clustering;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReviewQueueFiguresTest {

    private static final int[] RANKS = {1, 3, 5};

    private static RecordKey key(String id) {
        return new RecordKey("s", id);
    }

    private static MatchResult review(String left, String right, double score, boolean conflict) {
        return new MatchResult(key(left), key(right), List.of(), score, Decision.REVIEW, conflict);
    }

    /**
     * c, d, e are one person (three review pairs among them), f and g another (their pair in conflict: never
     * acceptable), a and b a household sharing a phone (in conflict, the highest score), x and y unlabeled,
     * g and h already one customer.
     */
    private static final Clustering QUEUE = new Clustering(
            List.of(List.of(key("a")), List.of(key("b")), List.of(key("c")), List.of(key("d")), List.of(key("e")),
                    List.of(key("f")), List.of(key("g"), key("h")), List.of(key("x")), List.of(key("y"))),
            List.of(),
            List.of(review("a", "b", 30, true), review("f", "g", 20, true), review("c", "d", 15, false),
                    review("d", "e", 14, false), review("c", "e", 13, false), review("e", "f", 12.5, false),
                    review("x", "y", 12.1, false), review("g", "h", 16, false)));

    private static final Map<RecordKey, String> TRUTH = Map.of(key("a"), "P9", key("b"), "P8", key("c"), "P1",
            key("d"), "P1", key("e"), "P1", key("f"), "P2", key("g"), "P2", key("h"), "P2");

    @Test
    void pairsACustomerAlreadyHoldsAreNotInTheQueueAndUnlabeledRecordsAreNoMatch() {
        ReviewQueueFigures figures = ReviewQueueFigures.of(QUEUE, TRUTH, MatchResult.REVIEW_ORDER, RANKS);

        assertEquals(7, figures.pairs());
        assertEquals(4, figures.truePairs());
    }

    @Test
    void pairsThatCanBeAcceptedComeBeforeThoseInConflict() {
        ReviewQueueFigures figures = ReviewQueueFigures.of(QUEUE, TRUTH, MatchResult.REVIEW_ORDER, RANKS);

        // c~d, d~e, c~e, e~f, x~y, a~b, f~g
        assertArrayEquals(new int[] {1, 3, 3, 4}, figures.trueInFirst());
        // c~d and d~e accepted; c~e then lies within one customer and leaves the queue without a decision;
        // f~g is true but in conflict, so the hub refuses it
        assertArrayEquals(new int[] {1, 2, 2, 2}, figures.clearedIn());
    }

    @Test
    void byScoreAloneTheConflictingPairsComeFirst() {
        ReviewQueueFigures figures = ReviewQueueFigures.of(QUEUE, TRUTH, ReviewQueueFigures.BY_SCORE_ALONE, RANKS);

        // a~b, f~g, c~d, d~e, c~e, e~f, x~y
        assertArrayEquals(new int[] {0, 2, 4, 4}, figures.trueInFirst());
        assertArrayEquals(new int[] {0, 1, 2, 2}, figures.clearedIn());
    }
}
