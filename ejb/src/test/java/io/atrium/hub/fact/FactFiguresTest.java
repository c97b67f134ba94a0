package io.atrium.hub.fact;

import io.atrium.resolution.model.FactType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The figures a profile aggregates, taken from each type's data as the connectors write it (and as JSON gives it back). */
class FactFiguresTest {

    @Test
    void aLeaseGivesItsStatusRentAndEnd() {
        assertEquals(new FactFigures("ACTIVE", new BigDecimal("12500.00"), LocalDate.of(2026, 2, 28), null, null),
                FactFigures.of(FactType.LEASE, Map.of("status", "ACTIVE", "monthlyRent", new BigDecimal("12500.00"), "endDate", "2026-02-28")));
    }

    @Test
    void numbersReadBackFromJsonAreAmountsAndRatings() {
        assertEquals(new BigDecimal("1200.5"), FactFigures.of(FactType.ARREARS, Map.of("amount", 1200.5)).amount());
        assertEquals(new BigDecimal("3400"), FactFigures.of(FactType.POINTS, Map.of("event", "POINTS_EARNED", "balance", 3400)).amount());
        assertEquals(4, FactFigures.of(FactType.TICKET, Map.of("satisfaction", 4, "closedAt", "2026-03-02T01:00:00Z")).rating());
    }

    @Test
    void workOrdersAndTicketsAreOpenUntilClosed() {
        assertEquals(FactFigures.OPEN, FactFigures.of(FactType.WORK_ORDER, Map.of("type", "REPAIR")).state());
        assertEquals(FactFigures.CLOSED, FactFigures.of(FactType.TICKET, Map.of("closedAt", "2026-03-02T01:00:00Z")).state());
    }

    @Test
    void complaintsAreTheCategoryOfATicketAndTheTypeOfAWorkOrder() {
        assertEquals("COMPLAINT", FactFigures.of(FactType.TICKET, Map.of("category", "complaint")).category());
        assertEquals("COMPLAINT", FactFigures.of(FactType.WORK_ORDER, Map.of("type", "COMPLAINT")).category());
        assertEquals(null, FactFigures.of(FactType.LEASE, Map.of("status", "ACTIVE")).category());
    }

    @Test
    void aMembershipIsItsTierWhileActiveAndCancelledOnceCancelled() {
        assertEquals("GOLD", FactFigures.of(FactType.MEMBERSHIP, Map.of("tier", "GOLD", "status", "ACTIVE")).state());
        assertEquals(FactFigures.ACTIVE, FactFigures.of(FactType.MEMBERSHIP, Map.of("status", "ACTIVE")).state());
        assertEquals(FactFigures.CANCELLED, FactFigures.of(FactType.MEMBERSHIP, Map.of("tier", "GOLD", "status", "CANCELLED")).state());
    }

    @Test
    void anUnreadableValueIsNoFigure() {
        FactFigures lease = FactFigures.of(FactType.LEASE, Map.of("monthlyRent", "n/a", "endDate", "2026/2/28"));
        assertEquals(null, lease.amount());
        assertEquals(null, lease.endsOn());
    }
}
