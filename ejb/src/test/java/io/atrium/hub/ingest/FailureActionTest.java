package io.atrium.hub.ingest;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The resolver consumer's decision on a failed message, with the broker's default of 5 delivery attempts. */
class FailureActionTest {

    private static final int ATTEMPTS = 5;
    private static final EJBException DATABASE_DOWN =
            new EJBException(new PersistenceException(new SQLException("Connection refused", "08001")));
    private static final EJBException VALUE_TOO_LONG =
            new EJBException(new PersistenceException(new SQLException("value too long", "22001")));

    @Test
    void aDatabaseOutageIsRequeuedAtEveryDeliverySoItNeverReachesTheDeadLetterQueue() {
        for (int delivery = 1; delivery <= ATTEMPTS; delivery++) {
            assertEquals(FailureAction.REQUEUE, FailureAction.of(DATABASE_DOWN, delivery, ATTEMPTS));
        }
    }

    @Test
    void badDataIsRedeliveredByTheBrokerThenParkedAtItsLastAttempt() {
        for (int delivery = 1; delivery < ATTEMPTS; delivery++) {
            assertEquals(FailureAction.REDELIVER, FailureAction.of(VALUE_TOO_LONG, delivery, ATTEMPTS));
        }
        assertEquals(FailureAction.PARK, FailureAction.of(VALUE_TOO_LONG, ATTEMPTS, ATTEMPTS));
    }

    @Test
    void anUnreadableMessageIsBadData() {
        assertEquals(FailureAction.PARK, FailureAction.of(new IllegalStateException("cannot read"), ATTEMPTS, ATTEMPTS));
    }
}
