package io.atrium.hub.resolve;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;

/**
 * How long resolving a record takes inside its transaction, over the last {@value #WINDOW} records, its
 * database writes included (the resolver flushes each record), the commit not: what operators watch
 * and what the incremental-resolution benchmark reads.
 */
@ApplicationScoped
public class ResolverTimings {

    static final int WINDOW = 10_000;

    private final long[] nanos = new long[WINDOW];
    private long recorded;
    private long batches;

    public synchronized void record(long elapsedNanos) {
        nanos[(int) (recorded++ % WINDOW)] = elapsedNanos;
    }

    /** A batch of records resolved in one transaction, whether it committed or not. */
    public synchronized void batchStarted() {
        batches++;
    }

    public synchronized void reset() {
        recorded = 0;
        batches = 0;
    }

    /** Percentiles of the window in milliseconds; all zero before the first record. */
    public synchronized Summary summary() {
        int size = (int) Math.min(recorded, WINDOW);
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        return new Summary(recorded, batches, size, millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99),
                size == 0 ? 0 : sorted[size - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    /**
     * @param batches transactions the records were resolved in (records queued in small messages are taken
     *                together, so resolved / batches shows how full the transactions are)
     * @param window  how many of the latest records the percentiles cover
     */
    public record Summary(long resolved, long batches, int window, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {
    }
}
