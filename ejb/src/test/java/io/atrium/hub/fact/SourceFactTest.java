package io.atrium.hub.fact;

import io.atrium.resolution.model.FactType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fact follows its source's versions: an older state never replaces a newer one. */
class SourceFactTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T02:15:30Z");
    private static final Instant CLOSED = Instant.parse("2026-03-02T02:00:00Z");

    private final SourceFact ticket = new SourceFact("service", FactType.TICKET, "T-1");

    @Test
    void aRetriedOlderChangeAfterTheNewerOneChangesNothing() {
        assertTrue(ticket.update("T-1", CREATED, CREATED, "{\"event\":\"created\"}", "created"));
        assertTrue(ticket.update("T-1", CREATED, CLOSED, "{\"event\":\"closed\"}", "closed"));

        assertFalse(ticket.update("T-1", CREATED, CREATED, "{\"event\":\"updated\"}", "updated"));
        assertEquals("{\"event\":\"closed\"}", ticket.getData());
        assertEquals(CLOSED, ticket.getUpdatedAt());
    }

    @Test
    void aChangeOfTheSameVersionReplacesAndTheSameContentChangesNothing() {
        ticket.update("T-1", CREATED, CREATED, "{\"event\":\"created\"}", "created");

        assertTrue(ticket.update("T-1", CREATED, CREATED, "{\"event\":\"updated\"}", "updated"));
        assertFalse(ticket.update("T-1", CREATED, CREATED, "{\"event\":\"updated\"}", "updated"));
        assertEquals("updated", ticket.getContentHash());
    }

    @Test
    void theSameContentInANewerVersionMovesTheVersionSoThatAStateBetweenCannotReplaceIt() {
        Instant january = Instant.parse("2026-01-01T00:00:00Z");
        Instant february = Instant.parse("2026-02-01T00:00:00Z");
        Instant march = Instant.parse("2026-03-01T00:00:00Z");
        SourceFact lease = new SourceFact("leasing", FactType.LEASE, "LC-1");
        lease.update("L-1", january, january, "{\"status\":\"TERMINATED\"}", "terminated");

        assertFalse(lease.update("L-1", january, march, "{\"status\":\"TERMINATED\"}", "terminated"));
        assertEquals(march, lease.getUpdatedAt());
        assertFalse(lease.update("L-1", january, february, "{\"status\":\"ACTIVE\"}", "active"));
        assertEquals("{\"status\":\"TERMINATED\"}", lease.getData());
    }
}
