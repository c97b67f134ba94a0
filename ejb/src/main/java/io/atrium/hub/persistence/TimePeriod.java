package io.atrium.hub.persistence;

import java.time.Instant;

/**
 * A period asked for with either end open, as the bounds of a {@code between} on a timestamp column (both inclusive).
 *
 * @param start the period's start, the epoch when it has none
 * @param end   the period's end, {@link #OPEN_END} when it has none
 */
public record TimePeriod(Instant start, Instant end) {

    /** Where an open period ends: later than any row's time, and storable in every database's timestamp. */
    public static final Instant OPEN_END = Instant.parse("9999-12-31T00:00:00Z");

    /** The period from {@code from} to {@code to}; null for an open end. */
    public static TimePeriod of(Instant from, Instant to) {
        return new TimePeriod(from == null ? Instant.EPOCH : from, to == null ? OPEN_END : to);
    }
}
