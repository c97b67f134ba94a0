package io.atrium.hub.ingest;

import io.atrium.hub.deadletter.DeadLetters;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies each queued batch (JSON Lines of canonical messages) in a transaction of its own,
 * then acknowledges the delivery. A delivery carrying fewer than {@code atrium.queue.batch-size}
 * messages takes the messages already queued behind it into the same batch, until it holds that many
 * (records posted in small requests would otherwise pay a transaction, the key locks and the feed clock
 * for a few records each): they are received in the delivery's own transaction, through {@code java:/JmsXA},
 * so the delivery's commit acknowledges all of them and a rollback returns all of them to the queue.
 * Every failure below concerns the whole batch, whichever message its lines came from.
 * A failure is classified ({@link FailureAction}):
 * <ul>
 * <li>transient (the database down, a lock timeout, ...): the batch goes back on the queue
 * as a new message, acknowledged with the delivery, and the resolver waits before the next
 * attempt ({@link ResolverOutage}), so an outage of any length parks nothing;</li>
 * <li>bad data in a one-line message: the delivery rolls back and the broker redelivers it
 * with back-off; at its last attempt it is parked in the dead-letter queue with the reason;</li>
 * <li>bad data in a batch: each line is applied alone, and the lines that fail are re-queued
 * one per message, marked to be applied alone ({@link RecordIngestion#APPLY_ALONE}: never taken into
 * another's batch), so a bad line never holds back the good ones and meets its delivery attempts.</li>
 * </ul>
 * A message taken behind the delivery whose body cannot be read is parked at once: reading it again
 * would fail again.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ResolverQueue.JNDI),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        // Sessions resolving batches in parallel (safe: CanonicalMessageHandler locks each batch's blocking keys).
        // An annotation reads system properties only: ResolverSessions checks that the setting came as one.
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${" + ResolverSessions.KEY + ":1}"),
        // No messages buffered ahead in the consumer: those queued behind a delivery stay on the queue, for its batch
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
})
public class ResolverConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ResolverConsumer.class.getName());

    @EJB
    CanonicalMessageHandler handler;

    @EJB
    RecordIngestion queue;

    @EJB
    DeadLetters deadLetters;

    @Inject
    ResolverOutage outage;

    /** Enlists in the delivery's transaction; a context of its own, closed before the commit (JCA keeps it enlisted). */
    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory transactedJms;

    @Resource(lookup = ResolverQueue.JNDI)
    Queue resolverQueue;

    /** Records a batch takes at most before it stops taking queued messages behind its delivery. */
    @Inject
    @ConfigProperty(name = "atrium.queue.batch-size")
    int batchSize;

    /** The same setting as the queue's `max-delivery-attempts` in configure-atrium.cli. */
    @Inject
    @ConfigProperty(name = "atrium.jms.max-delivery-attempts")
    int maxDeliveryAttempts;

    @Override
    public void onMessage(Message message) {
        awaitOutageWait();
        List<CanonicalMessage> batch;
        try {
            batch = read(message);
        } catch (RuntimeException unreadable) {
            failed(message, unreadable);
            return;
        }
        if (batch.size() < batchSize && !appliedAlone(message)) {
            batch = withQueuedBehind(batch);
        }
        try {
            handler.applyAll(batch);
            outage.succeeded(Instant.now());
        } catch (EJBException failure) {
            if (TransientFailures.isTransient(failure)) {
                retryLater(batch, failure);
            } else if (batch.size() == 1) {
                failed(message, failure);
            } else {
                applyOneByOne(batch, failure);
            }
        }
    }

    /** The batch and the messages queued behind it, until it holds {@link #batchSize} records or the queue is empty. */
    private List<CanonicalMessage> withQueuedBehind(List<CanonicalMessage> delivered) {
        List<CanonicalMessage> batch = new ArrayList<>(delivered);
        try (JMSContext jms = transactedJms.createContext();
             JMSConsumer queued = jms.createConsumer(resolverQueue, RecordIngestion.APPLY_ALONE + " IS NULL")) {
            Message next;
            while (batch.size() < batchSize && (next = queued.receiveNoWait()) != null) {
                try {
                    batch.addAll(read(next));
                } catch (RuntimeException unreadable) {
                    deadLetters.park(next, ResolverQueue.NAME, TransientFailures.describe(unreadable), deliveryCount(next));
                }
            }
        }
        return batch;
    }

    private void applyOneByOne(List<CanonicalMessage> batch, EJBException batchFailure) {
        if (TransientFailures.isOutOfSharedMemory(batchFailure)) {
            // a batch's key locks fill PostgreSQL's lock table: applied alone, each record takes a few
            LOG.log(Level.WARNING, "PostgreSQL ran out of shared memory for a batch of {0} messages, most likely its lock "
                    + "table (max_locks_per_transaction): applying them one by one; raise max_locks_per_transaction "
                    + "or lower atrium.queue.batch-size (README, PostgreSQL)", batch.size());
        }
        List<CanonicalMessage> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                handler.applyAll(List.of(batch.get(i)));
                outage.succeeded(Instant.now());
            } catch (EJBException itemFailure) {
                if (TransientFailures.isTransient(itemFailure)) {
                    // the database went away meanwhile: the rest waits for it as one batch
                    retryLater(batch.subList(i, batch.size()), itemFailure);
                    break;
                }
                failed.add(batch.get(i));
            }
        }
        if (!failed.isEmpty()) {
            LOG.log(Level.WARNING, "{0} of {1} messages of a batch failed and are re-queued one by one: {2}",
                    new Object[]{failed.size(), batch.size(), TransientFailures.describe(batchFailure)});
            queue.enqueueOneByOne(failed);
        }
    }

    private void retryLater(List<CanonicalMessage> batch, EJBException failure) {
        String cause = TransientFailures.describe(failure);
        outage.failed(cause, Instant.now());
        LOG.log(Level.WARNING, "transient failure, {0} messages re-queued to be retried: {1}",
                new Object[]{batch.size(), cause});
        queue.requeue(batch);
    }

    private void failed(Message message, RuntimeException failure) {
        int delivery = deliveryCount(message);
        String cause = TransientFailures.describe(failure);
        if (FailureAction.of(failure, delivery, maxDeliveryAttempts) == FailureAction.PARK) {
            deadLetters.park(message, ResolverQueue.NAME, cause, delivery);
            return;
        }
        // Without the cause: the container logs what onMessage throws, and drivers quote the values they refused.
        throw new IllegalStateException("delivery " + delivery + " of " + maxDeliveryAttempts + " failed: " + cause);
    }

    private void awaitOutageWait() {
        Duration wait = outage.waitBefore(Instant.now());
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            // the server is stopping: roll the delivery back, the message stays queued
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting out a transient failure");
        }
    }

    private static boolean appliedAlone(Message message) {
        try {
            return message.propertyExists(RecordIngestion.APPLY_ALONE);
        } catch (JMSException e) {
            return false;
        }
    }

    private static int deliveryCount(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            return 1;
        }
    }

    private static List<CanonicalMessage> read(Message message) {
        try {
            return message.getBody(String.class).lines()
                    .filter(line -> !line.isBlank())
                    .map(PartyRecordJson::readMessage)
                    .toList();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read queued message: " + e.getClass().getName());
        }
    }
}
