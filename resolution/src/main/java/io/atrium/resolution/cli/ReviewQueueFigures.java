package io.atrium.resolution.cli;

import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.resolve.Clustering;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * How much of a steward's time the review queue is worth, against true entity labels. The queue is what the
 * hub shows: review pairs and the MERGE links of surname-only records held back ({@link Clustering#stewardPairs}), not in conflict (the hub keeps no link for those: no steward could merge them) whose
 * records lie in different customers, highest priority first.
 *
 * @param pairs       pairs in the queue
 * @param trueInFirst true pairs (whose records share a label; records without one are entities of their own) among
 *                    the first {@code ranks} pairs of the queue, then among all
 * @param clearedIn   true pairs accepted in the first {@code ranks} decisions, then in all, by a steward who accepts
 *                    exactly the true pairs and rejects the rest; an accepted pair joins two customers, so the
 *                    queue's other pairs between them leave it without a decision
 */
record ReviewQueueFigures(int pairs, int[] trueInFirst, int[] clearedIn) {

    /** The ranks {@code evaluate} reports: a steward's first hour, day, week. */
    static final int[] RANKS = {10, 50, 100, 500};

    static ReviewQueueFigures of(Clustering clustering, Map<RecordKey, String> truth, ToDoubleFunction<MatchResult> priority,
                                 int[] ranks) {
        Map<RecordKey, Integer> customerOf = new HashMap<>();
        List<List<RecordKey>> clusters = clustering.clusters();
        for (int i = 0; i < clusters.size(); i++) {
            for (RecordKey key : clusters.get(i)) {
                customerOf.put(key, i);
            }
        }
        // each pair's priority computed once, not at every comparison: it may rescore the pair
        Map<MatchResult, Double> priorities = new HashMap<>();
        clustering.stewardPairs().stream()
                .filter(link -> !link.conflict() && !customerOf.get(link.left()).equals(customerOf.get(link.right())))
                .forEach(link -> priorities.put(link, priority.applyAsDouble(link)));
        List<MatchResult> queue = priorities.keySet().stream()
                .sorted(Comparator.comparing((MatchResult link) -> priorities.get(link), Comparator.reverseOrder())
                        .thenComparing(MatchResult::left).thenComparing(MatchResult::right))
                .toList();
        int[] trueInFirst = new int[ranks.length + 1];
        int[] clearedIn = new int[ranks.length + 1];
        int[] joined = new int[clusters.size()];
        for (int i = 0; i < joined.length; i++) {
            joined[i] = i;
        }
        int decisions = 0;
        for (int position = 0; position < queue.size(); position++) {
            MatchResult link = queue.get(position);
            boolean match = isTrue(link, truth);
            countWithin(trueInFirst, ranks, position, match ? 1 : 0);
            int left = root(joined, customerOf.get(link.left()));
            int right = root(joined, customerOf.get(link.right()));
            if (left != right) {
                if (match) {
                    joined[left] = right;
                }
                countWithin(clearedIn, ranks, decisions++, match ? 1 : 0);
            }
        }
        return new ReviewQueueFigures(queue.size(), trueInFirst, clearedIn);
    }

    int truePairs() {
        return trueInFirst[trueInFirst.length - 1];
    }

    /** Adds to every count whose rank the item at this 0-based position falls within, and to the total. */
    private static void countWithin(int[] counts, int[] ranks, int position, int amount) {
        for (int r = 0; r < ranks.length; r++) {
            if (position < ranks[r]) {
                counts[r] += amount;
            }
        }
        counts[ranks.length] += amount;
    }

    private static boolean isTrue(MatchResult link, Map<RecordKey, String> truth) {
        String label = truth.get(link.left());
        return label != null && Objects.equals(label, truth.get(link.right()));
    }

    private static int root(int[] joined, int i) {
        while (joined[i] != i) {
            joined[i] = joined[joined[i]];
            i = joined[i];
        }
        return i;
    }
}
