package io.atrium.resolution.cli;

import io.atrium.resolution.cluster.ClusterPartitioner;
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
     * c, d, e are one person (three review pairs among them); f~g, e~f and x~y (unlabeled) are not true; a~b is
     * in conflict (the hub keeps no link for it) and g~h already one customer: neither is in the queue.
     */
    private static final Clustering LOAD = new Clustering(
            List.of(List.of(key("a")), List.of(key("b")), List.of(key("c")), List.of(key("d")), List.of(key("e")),
                    List.of(key("f")), List.of(key("g"), key("h")), List.of(key("x")), List.of(key("y"))),
            List.of(),
            List.of(review("a", "b", 30, true), review("f", "g", 20, false), review("c", "d", 15, false),
                    review("d", "e", 14, false), review("c", "e", 13, false), review("e", "f", 12.5, false),
                    review("x", "y", 12.1, false), review("g", "h", 16, false)), Map.of());

    private static final Map<RecordKey, String> TRUTH = Map.of(key("a"), "P1", key("b"), "P1", key("c"), "P1",
            key("d"), "P1", key("e"), "P1", key("f"), "P2", key("g"), "P3", key("h"), "P3");

    @Test
    void theQueueHoldsThePairsTheHubShowsAndUnlabeledRecordsAreNoMatch() {
        ReviewQueueFigures figures = ReviewQueueFigures.of(LOAD, TRUTH, MatchResult::score, RANKS);

        assertEquals(6, figures.pairs());
        assertEquals(3, figures.truePairs());
    }

    @Test
    void byScoreTheFalsePairScoringHighestComesFirst() {
        ReviewQueueFigures figures = ReviewQueueFigures.of(LOAD, TRUTH, MatchResult::score, RANKS);

        // f~g, c~d, d~e, c~e, e~f, x~y
        assertArrayEquals(new int[] {0, 2, 3, 3}, figures.trueInFirst());
        // f~g rejected, c~d and d~e accepted; c~e then lies within one customer and leaves the queue undecided
        assertArrayEquals(new int[] {0, 2, 2, 2}, figures.clearedIn());
    }

    @Test
    void theQueueFollowsThePriorityGiven() {
        ReviewQueueFigures figures = ReviewQueueFigures.of(LOAD, TRUTH, link -> -link.score(), RANKS);

        // x~y, e~f, c~e, d~e, c~d, f~g
        assertArrayEquals(new int[] {0, 1, 3, 3}, figures.trueInFirst());
        // c~e and d~e accepted, c~d then undecided, f~g the fifth decision
        assertArrayEquals(new int[] {0, 1, 2, 2}, figures.clearedIn());
    }

    @Test
    void theMergeLinksOfAHeldBackCallerWaitInTheQueueAsInTheHub() {
        // t (a 陈先生) held back between p and q, who cannot be one person; p~r is an ordinary MERGE link
        MatchResult toP = new MatchResult(key("p"), key("t"), List.of(), 26, Decision.MERGE, false);
        MatchResult toQ = new MatchResult(key("q"), key("t"), List.of(), 25, Decision.MERGE, false);
        MatchResult joined = new MatchResult(key("p"), key("r"), List.of(), 40, Decision.MERGE, false);
        Clustering load = new Clustering(List.of(List.of(key("p"), key("r")), List.of(key("q")), List.of(key("t"))),
                List.of(toP, toQ, joined), List.of(), Map.of(key("t"), ClusterPartitioner.HeldBack.SHARED_NUMBER));

        ReviewQueueFigures figures = ReviewQueueFigures.of(load, Map.of(key("p"), "P", key("r"), "P", key("t"), "P"),
                MatchResult::score, RANKS);

        assertEquals(2, figures.pairs());
        assertArrayEquals(new int[] {1, 1, 1, 1}, figures.trueInFirst());
    }
}
