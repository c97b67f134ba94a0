package io.atrium.resolution.resolve;

import java.util.Arrays;

/** A growable array of longs; boxing millions of hashes or pairs would cost more than the values. */
final class LongBuffer {

    private long[] values;
    private int size;

    LongBuffer(int capacity) {
        values = new long[Math.max(capacity, 4)];
    }

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long get(int index) {
        return values[index];
    }

    /** The values sorted, each once. */
    long[] sortedDistinct() {
        long[] sorted = Arrays.copyOf(values, size);
        if (sorted.length > 100_000) {
            Arrays.parallelSort(sorted);
        } else {
            Arrays.sort(sorted);
        }
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }
}
