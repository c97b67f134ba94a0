package io.atrium.client;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A segment's stored sizes over a period, oldest first: daily, and after each full selection of its members. */
public record SegmentHistory(String segment, Instant from, Instant to, List<Size> sizes) implements Serializable {

    /** Sizes in one answer at most (the newest). */
    public static final int MAX_SIZES = 1000;

    public SegmentHistory {
        sizes = List.copyOf(sizes);
    }

    public record Size(Instant at, long members) implements Serializable {
    }
}
