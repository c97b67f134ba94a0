package io.atrium.hub.analytics;

import io.atrium.client.ScoreDistribution;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Customers counted per score (0 to 100), folded into the distribution's ten buckets of ten points. */
final class ScoreBuckets {

    private static final int WIDTH = 10;
    private static final int BUCKETS = 10;

    private ScoreBuckets() {
    }

    /** Every bucket, empty ones included; a score of 100 falls in the last one (90-100). */
    static List<ScoreDistribution.Bucket> of(Map<Integer, Long> customersPerScore) {
        long[] counts = new long[BUCKETS];
        customersPerScore.forEach((score, customers) -> counts[Math.min(score / WIDTH, BUCKETS - 1)] += customers);
        return IntStream.range(0, BUCKETS)
                .mapToObj(i -> new ScoreDistribution.Bucket(i * WIDTH, i == BUCKETS - 1 ? 100 : i * WIDTH + WIDTH - 1, counts[i]))
                .toList();
    }
}
