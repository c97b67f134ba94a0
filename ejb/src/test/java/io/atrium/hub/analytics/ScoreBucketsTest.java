package io.atrium.hub.analytics;

import io.atrium.client.ScoreDistribution.Bucket;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoreBucketsTest {

    @Test
    void scoresFallInBucketsOfTenPointsAndOneHundredInTheLast() {
        List<Bucket> buckets = ScoreBuckets.of(Map.of(0, 2L, 9, 1L, 10, 4L, 60, 7L, 89, 1L, 90, 3L, 100, 5L));
        assertEquals(List.of(new Bucket(0, 9, 3), new Bucket(10, 19, 4), new Bucket(20, 29, 0), new Bucket(30, 39, 0),
                new Bucket(40, 49, 0), new Bucket(50, 59, 0), new Bucket(60, 69, 7), new Bucket(70, 79, 0),
                new Bucket(80, 89, 1), new Bucket(90, 100, 8)), buckets);
    }

    @Test
    void noCustomerGivesTenEmptyBuckets() {
        List<Bucket> buckets = ScoreBuckets.of(Map.of());
        assertEquals(10, buckets.size());
        assertEquals(0, buckets.stream().mapToLong(Bucket::customers).sum());
    }
}
