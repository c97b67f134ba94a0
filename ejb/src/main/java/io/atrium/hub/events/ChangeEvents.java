package io.atrium.hub.events;

import io.atrium.client.ChangeEvent;
import io.atrium.hub.changes.FeedClock;
import io.atrium.hub.customer.ChangeType;
import io.atrium.hub.customer.CustomerEvent;
import io.atrium.hub.resolve.CustomerChange;
import io.atrium.resolution.model.RecordKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records changes in the customers' history and announces them, in the caller's JTA transaction:
 * each is written with the next position of the changes feed and goes out on the customer-events
 * topic with it, exactly when the change is committed (a rolled-back change has neither).
 *
 * <p>Positions follow commit order, not the order ids were drawn: {@link #announce()} runs last in
 * a transaction ({@link AnnouncesChanges}) and locks the {@link FeedClock} until the commit, so a
 * transaction can only take positions once every earlier holder has committed. A reader that has
 * seen position n will therefore never see a lower position appear later.
 */
@ApplicationScoped
public class ChangeEvents {

    public static final String TOPIC = "java:/jms/topic/atrium/customer-events";
    /** The message property holding the change's position in the feed (also the body's {@code position}). */
    public static final String POSITION = "position";
    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    PendingChanges pending;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = TOPIC)
    Topic topic;

    /**
     * Records the change; it is written to the customer's history and announced when the transaction's
     * work is done. Only callers that run under {@link AnnouncesChanges} may record changes.
     *
     * @param cause the source record that caused the change, null for a steward's decision
     */
    public void publish(CustomerChange change, RecordKey cause, Instant at) {
        // to the precision the history keeps, so that the topic and the feed say the same
        Instant occurredAt = at.truncatedTo(ChronoUnit.MICROS);
        pending.add(new ChangeEvent(0, change.type().name(), change.customerId(), change.related(),
                cause == null ? null : cause.source(), cause == null ? null : cause.sourceId(), occurredAt));
    }

    /** Gives the transaction's recorded changes their feed positions and sends them on the topic. */
    public void announce() {
        List<ChangeEvent> changes = pending.take();
        if (changes.isEmpty()) {
            return;
        }
        FeedClock clock = em.find(FeedClock.class, FeedClock.ID, LockModeType.PESSIMISTIC_WRITE);
        if (clock == null) {
            throw new IllegalStateException("change_feed_clock has no row: FeedClockStart writes it when the hub starts");
        }
        for (ChangeEvent event : changes) {
            long position = clock.next();
            em.persist(new CustomerEvent(event.customerId(), ChangeType.valueOf(event.type()), event.occurredAt(),
                    event.relatedCustomerIds(), event.source(), event.sourceId(), position));
            ChangeEvent positioned = new ChangeEvent(position, event.type(), event.customerId(), event.relatedCustomerIds(),
                    event.source(), event.sourceId(), event.occurredAt());
            jms.createProducer()
                    .setProperty("type", positioned.type())
                    .setProperty("customerId", positioned.customerId())
                    .setProperty(POSITION, position)
                    .send(topic, JSONB.toJson(positioned));
        }
    }
}
