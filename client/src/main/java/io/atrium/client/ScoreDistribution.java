package io.atrium.client;

import java.io.Serializable;
import java.util.List;

/**
 * How the scored customers spread over the satisfaction and the loyalty indicator: ten buckets of ten points
 * each (0-9, 10-19, ..., 90-100; the last one holds 100 too), every bucket listed, empty ones with 0.
 *
 * @param customers every active customer scored
 */
public record ScoreDistribution(List<Bucket> satisfaction, List<Bucket> loyalty, long customers) implements Serializable {

    /** The customers whose score is from {@code from} to {@code to}, both inclusive. */
    public record Bucket(int from, int to, long customers) implements Serializable {
    }
}
