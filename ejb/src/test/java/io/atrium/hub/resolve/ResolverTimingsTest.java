package io.atrium.hub.resolve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResolverTimingsTest {

    @Test
    void countsRecordsAndTheTransactionsTheyWereResolvedInUntilReset() {
        ResolverTimings timings = new ResolverTimings();
        timings.batchStarted();
        for (int millis = 1; millis <= 3; millis++) {
            timings.record(millis * 1_000_000L);
        }
        timings.batchStarted();
        timings.record(4_000_000L);

        ResolverTimings.Summary summary = timings.summary();
        assertEquals(4, summary.resolved());
        assertEquals(2, summary.batches());
        assertEquals(2.0, summary.p50Millis());
        assertEquals(4.0, summary.maxMillis());

        timings.reset();
        assertEquals(0, timings.summary().batches());
        assertEquals(0, timings.summary().resolved());
    }
}
