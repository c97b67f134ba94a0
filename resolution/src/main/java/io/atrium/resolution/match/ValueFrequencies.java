package io.atrium.resolution.match;

import io.atrium.resolution.blocking.BlockingKey;

/**
 * How common values are in the population: the share of records carrying a value (term-frequency
 * adjustment) and the number of records under a blocking key (huge blocks are skipped). Bulk and
 * incremental resolution give the same answer when they read the same frequencies.
 */
public interface ValueFrequencies {

    /** Share of records (0..1) carrying this standardized value; 0 when unknown. */
    double frequency(FieldKind field, String value);

    /**
     * The frequency of the value a typical record carries in this field (the count-weighted mean
     * frequency). Term-frequency adjustment compares a value against it, so that a value twice as
     * common as usual loses a bit whatever the population size.
     */
    double typicalFrequency(FieldKind field);

    /** Number of records carrying this blocking key. */
    long blockSize(BlockingKey key);
}
