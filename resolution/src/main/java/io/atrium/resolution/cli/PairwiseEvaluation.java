package io.atrium.resolution.cli;

import io.atrium.resolution.model.RecordKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise quality of a clustering against true entity labels: a pair of records is predicted when
 * they share a cluster and true when they share a label. Records without a label count as their own entity.
 * Public so that the hub's clusters (its crosswalk) are scored exactly as {@code evaluate} scores the engine's.
 */
public record PairwiseEvaluation(long truePositives, long falsePositives, long falseNegatives) {

    public static PairwiseEvaluation of(List<List<RecordKey>> clusters, Map<RecordKey, String> truth) {
        Map<String, Long> truthSizes = new HashMap<>();
        long predicted = 0;
        long truePositives = 0;
        for (List<RecordKey> cluster : clusters) {
            predicted += pairs(cluster.size());
            Map<String, Long> labels = new HashMap<>();
            for (RecordKey key : cluster) {
                String label = truth.getOrDefault(key, "\u0000" + key);
                labels.merge(label, 1L, Long::sum);
                truthSizes.merge(label, 1L, Long::sum);
            }
            for (long n : labels.values()) {
                truePositives += pairs(n);
            }
        }
        long actual = truthSizes.values().stream().mapToLong(PairwiseEvaluation::pairs).sum();
        return new PairwiseEvaluation(truePositives, predicted - truePositives, actual - truePositives);
    }

    public double precision() {
        long predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
        long actual = truePositives + falseNegatives;
        return actual == 0 ? 1.0 : (double) truePositives / actual;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }
}
