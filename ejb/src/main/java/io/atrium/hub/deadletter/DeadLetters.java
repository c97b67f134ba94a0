package io.atrium.hub.deadletter;

import io.atrium.hub.quarantine.PersonalDataMask;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dead-letter queue for operators: the parked messages with their origin and reason
 * (content masked), replay to the queue they came from, and discard with a reason (kept in
 * {@code dead_letter_discard}). Replay moves one message per
 * local JMS transaction (received from the dead-letter queue and sent to its queue in
 * one commit), so a failure midway leaves each message either parked or replayed, never
 * lost or doubled; a replayed message that fails again is parked again.
 */
@Stateless
@RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());
    private static final long RECEIVE_WAIT_MILLIS = 500;
    /** Only messages that say where they came from can go back. */
    private static final String REPLAYABLE = DeadLetterQueue.ORIGINAL_ADDRESS + " IS NOT NULL";

    /** Plain (not XA) connections: browsing, and replay in local transactions of its own. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    /** Parking joins the resolver's delivery transaction; a discard, the transaction that records it. */
    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext transactedJms;

    @Resource(lookup = DeadLetterQueue.JNDI)
    Queue queue;

    @Inject
    QueueDepths depths;

    @Resource
    SessionContext session;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /**
     * Parks a message the resolver gave up on, with the reason, in the caller's transaction:
     * the resolver calls this on its last delivery attempt instead of letting the broker
     * dead-letter it without one.
     */
    @PermitAll
    public void park(Message message, String fromQueue, String reason, int deliveries) {
        try {
            keepApplicationProperties(message);
            message.setStringProperty(DeadLetterQueue.ORIGINAL_ADDRESS, DeadLetterQueue.address(fromQueue));
            message.setStringProperty(DeadLetterQueue.FAILURE, reason);
            message.setLongProperty(DeadLetterQueue.PARKED_AT, Instant.now().toEpochMilli());
            message.setIntProperty(DeadLetterQueue.DELIVERIES, deliveries);
            transactedJms.createProducer().send(queue, message);
            LOG.log(Level.WARNING, "parked message {0} from {1} after {2} deliveries: {3}",
                    new Object[]{message.getJMSMessageID(), fromQueue, deliveries, reason});
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot park message: " + e.getClass().getName());
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<ParkedMessage> list(int limit) {
        List<ParkedMessage> parked = new ArrayList<>();
        try (JMSContext jms = connectionFactory.createContext();
             QueueBrowser browser = jms.createBrowser(queue)) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && parked.size() < limit) {
                parked.add(view((Message) messages.nextElement()));
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot browse the dead-letter queue: " + e.getClass().getName());
        }
        return parked;
    }

    /**
     * Sends parked messages back to the queue each came from: the one with this JMS message
     * id, or (id null) as many as were parked when the replay began.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ReplayResult replay(String messageId) {
        int replayed = 0;
        try (JMSContext jms = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            // a bound, so that messages parked again during the replay are not replayed twice by it;
            // counted before the consumer exists, which takes messages into its buffer out of the browser's sight
            int bound = messageId == null ? parkedNow(jms) : 1;
            JMSConsumer consumer = jms.createConsumer(queue,
                    messageId == null ? REPLAYABLE : REPLAYABLE + " AND " + withId(messageId));
            for (Message message = bound == 0 ? null : consumer.receive(RECEIVE_WAIT_MILLIS); message != null;
                 message = replayed < bound ? consumer.receive(RECEIVE_WAIT_MILLIS) : null) {
                String target = DeadLetterQueue.jmsQueue(message.getStringProperty(DeadLetterQueue.ORIGINAL_ADDRESS));
                keepApplicationProperties(message);
                jms.createProducer().send(jms.createQueue(target), message);
                jms.commit();
                replayed++;
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot replay from the dead-letter queue: " + e.getClass().getName());
        }
        Long stillParked = depths.depth(DeadLetterQueue.NAME).messages();
        LOG.log(Level.INFO, "replayed {0} parked messages; {1} still parked", new Object[]{replayed, stillParked});
        return new ReplayResult(replayed, stillParked);
    }

    private int parkedNow(JMSContext jms) throws JMSException {
        try (QueueBrowser browser = jms.createBrowser(queue, REPLAYABLE)) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }

    /**
     * Removes one parked message for good and records who, when and why (the reason is not logged: people type
     * names into reasons). The receive is enlisted in the transaction that stores the record (JmsXA), so the message
     * is gone exactly when its discard is on record. Empty when no parked message has this id.
     */
    public Optional<DiscardedMessage.View> discard(String messageId, String reason) {
        try (JMSConsumer consumer = transactedJms.createConsumer(queue, withId(messageId))) {
            Message message = consumer.receive(RECEIVE_WAIT_MILLIS);
            if (message == null) {
                return Optional.empty();
            }
            String actor = session.getCallerPrincipal().getName();
            DiscardedMessage discarded = new DiscardedMessage(view(message), actor, Instant.now(), reason);
            em.persist(discarded);
            em.flush();
            LOG.log(Level.WARNING, "parked message {0} discarded by {1}", new Object[]{messageId, actor});
            return Optional.of(discarded.view());
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read the parked message: " + e.getClass().getName());
        }
    }

    /** The discards, newest first. */
    public List<DiscardedMessage.View> discards(int limit) {
        return em.createQuery("select d from DiscardedMessage d order by d.discardedAt desc, d.id desc", DiscardedMessage.class)
                .setMaxResults(limit).getResultStream().map(DiscardedMessage::view).toList();
    }

    private static String withId(String messageId) {
        return "JMSMessageID = '" + messageId.replace("'", "''") + "'";
    }

    /**
     * Leaves on a received message only the properties its producer set (which also makes them
     * writable): the broker's (`_AMQ_`, `JMSX`) and the parking ones go.
     */
    private static void keepApplicationProperties(Message message) throws JMSException {
        Map<String, Object> properties = new HashMap<>();
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!name.startsWith("_AMQ") && !name.startsWith("JMSX") && !name.equals(DeadLetterQueue.FAILURE)
                    && !name.equals(DeadLetterQueue.PARKED_AT) && !name.equals(DeadLetterQueue.DELIVERIES)) {
                properties.put(name, message.getObjectProperty(name));
            }
        }
        message.clearProperties();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            message.setObjectProperty(property.getKey(), property.getValue());
        }
    }

    private static ParkedMessage view(Message message) throws JMSException {
        return new ParkedMessage(message.getJMSMessageID(),
                DeadLetterQueue.jmsQueue(message.getStringProperty(DeadLetterQueue.ORIGINAL_ADDRESS)),
                message.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(message.getJMSTimestamp()),
                message.propertyExists(DeadLetterQueue.PARKED_AT)
                        ? Instant.ofEpochMilli(message.getLongProperty(DeadLetterQueue.PARKED_AT)) : null,
                message.propertyExists(DeadLetterQueue.DELIVERIES) ? message.getIntProperty(DeadLetterQueue.DELIVERIES) : null,
                message.getStringProperty(DeadLetterQueue.FAILURE),
                content(message));
    }

    private static String content(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return PersonalDataMask.mask(text.getText());
        }
        if (message instanceof BytesMessage bytes) {
            return "(" + bytes.getBodyLength() + " bytes, not shown)";
        }
        return "(" + message.getClass().getSimpleName() + ", not shown)";
    }

    /**
     * @param replayed    messages sent back to their queue
     * @param stillParked messages in the dead-letter queue after the replay (null when the broker did not say)
     */
    public record ReplayResult(int replayed, Long stillParked) {
    }
}
