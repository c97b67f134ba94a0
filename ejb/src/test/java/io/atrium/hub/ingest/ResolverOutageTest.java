package io.atrium.hub.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResolverOutageTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private final ResolverOutage outage = new ResolverOutage(Duration.ofSeconds(1), Duration.ofSeconds(15));

    @Test
    void noWaitWithoutAFailure() {
        assertEquals(Duration.ZERO, outage.waitBefore(T0));
        assertFalse(outage.status().waiting());
    }

    @Test
    void eachTransientFailureInARowDoublesTheWaitUpToTheMaximum() {
        long[] expectedSeconds = {1, 2, 4, 8, 15, 15};
        Instant now = T0;
        for (long expected : expectedSeconds) {
            outage.failed("java.sql.SQLException [SQLState 08001]", now);
            assertEquals(Duration.ofSeconds(expected), outage.waitBefore(now));
            now = now.plusSeconds(expected);
            assertEquals(Duration.ZERO, outage.waitBefore(now), "due once the wait is over");
        }
        ResolverOutage.Status status = outage.status();
        assertTrue(status.waiting());
        assertEquals(T0, status.since());
        assertEquals(6, status.failures());
        assertEquals("java.sql.SQLException [SQLState 08001]", status.lastFailure());
    }

    @Test
    void aSuccessEndsTheOutageAndTheNextOneStartsAtTheFirstWait() {
        outage.failed("x", T0);
        outage.failed("x", T0.plusSeconds(1));
        outage.succeeded(T0.plusSeconds(3));
        assertEquals(Duration.ZERO, outage.waitBefore(T0.plusSeconds(3)));
        ResolverOutage.Status recovered = outage.status();
        assertFalse(recovered.waiting());
        assertNull(recovered.since());
        assertEquals(T0.plusSeconds(3), recovered.recoveredAt());
        assertEquals(2, recovered.transientFailures(), "kept since the server started");

        outage.failed("x", T0.plusSeconds(10));
        assertEquals(Duration.ofSeconds(1), outage.waitBefore(T0.plusSeconds(10)));
    }
}
