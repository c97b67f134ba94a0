package io.atrium.client;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Stored data-quality snapshots over a period, oldest first, for trends. */
public record QualityHistory(String source, Instant from, Instant to, List<QualityReport> snapshots) implements Serializable {

    /** Snapshots in one answer at most: a daily snapshot for nearly three years. */
    public static final int MAX_SNAPSHOTS = 1000;

    public QualityHistory {
        snapshots = List.copyOf(snapshots);
    }
}
