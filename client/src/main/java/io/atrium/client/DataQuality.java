package io.atrium.client;

import java.time.Instant;

/**
 * The data quality of the hub's sources, now and over time: how complete and valid the key fields of each
 * source's records are as the engine standardized them, duplicates inside a source, conflicts between
 * sources, pairs waiting for review, quarantine by cause, and how many customers more than one system knows.
 * Counts and shares only, never a personal value. Remote over {@code remote+http} as
 * {@code ejb:atrium/atrium-ejb//DataQualityBean!io.atrium.client.DataQuality}; reading takes any hub role,
 * taking a snapshot {@code hub-admin}.
 */
public interface DataQuality {

    /** The figures of every source computed now from the stored records. */
    QualityReport current();

    /** Computes the figures now and stores them as a snapshot (one row per source), which it returns. */
    QualityReport takeSnapshot();

    /**
     * The stored snapshots taken between {@code from} and {@code to} (both inclusive, either null: open),
     * oldest first, at most {@link QualityHistory#MAX_SNAPSHOTS} (the newest of them).
     *
     * @param source only this source's figures (null: every source)
     * @throws InvalidQueryException when {@code from} is after {@code to}
     */
    QualityHistory history(String source, Instant from, Instant to) throws InvalidQueryException;
}
