package io.atrium.client;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A full recompute of the stored scores.
 *
 * @param customers          active customers scored so far
 * @param customersPerSecond customers scored per second of the run so far (null before the first chunk)
 * @param failure            why the run stopped early: exception classes only, null when it did not
 */
public record RecomputeProgress(boolean running, long customers, LocalDate asOf, Instant startedAt, Instant finishedAt,
                                Double customersPerSecond, String failure) implements Serializable {
}
