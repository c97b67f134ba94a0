package io.atrium.connectors.membership;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.IntakeBatch;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.resolution.model.InvalidRecordException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Reads the membership queue in batches, each in one local JMS transaction that commits
 * only after the batch's events are queued for resolution (or quarantined). A failure
 * rolls the batch back: the broker redelivers it, and after its delivery attempts parks it
 * in the dead-letter queue. It uses the classic JMS API: a resource adapter's factory (node B of a pair) refuses a
 * transacted {@code JMSContext} outside JTA, but gives a transacted {@code Session} where local transactions are
 * allowed.
 */
class MembershipQueueDrain {

    /** How long the first receive of a drain waits; later ones do not wait. */
    private static final long FIRST_WAIT_MILLIS = 200;
    /** Batches per drain, so that a route stop is never kept waiting long by a full queue. */
    private static final int MAX_BATCHES = 50;

    private final ConnectionFactory connectionFactory;
    private final String queueName;
    private final int batchSize;
    private final CanonicalSink sink;
    private final QuarantineSink quarantine;

    MembershipQueueDrain(ConnectionFactory connectionFactory, String queueName, int batchSize, CanonicalSink sink,
                         QuarantineSink quarantine) {
        this.connectionFactory = connectionFactory;
        this.queueName = queueName;
        this.batchSize = batchSize;
        this.sink = sink;
        this.quarantine = quarantine;
    }

    /** @return the number of messages taken */
    int drain() {
        int taken = 0;
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queueName))) {
            connection.start();
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int read = takeBatch(session, consumer, batch == 0 ? FIRST_WAIT_MILLIS : 1);
                taken += read;
                if (read < batchSize) {
                    break;
                }
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        return taken;
    }

    private int takeBatch(Session session, MessageConsumer consumer, long firstWait) throws JMSException {
        IntakeBatch batch = new IntakeBatch(MemberEventMapper.SOURCE);
        int read = 0;
        try {
            for (Message message = consumer.receive(firstWait); message != null;
                 message = read < batchSize ? consumer.receiveNoWait() : null) {
                read++;
                add(message, batch);
            }
            // a failed delivery rolls the batch back for redelivery, before anything is quarantined
            batch.handOver(sink, quarantine);
            session.commit();
            return read;
        } catch (RuntimeException e) {
            session.rollback();
            throw e;
        }
    }

    private static void add(Message message, IntakeBatch batch) {
        String xml;
        String position;
        try {
            position = "message " + message.getJMSMessageID();
            xml = message instanceof TextMessage text ? text.getText() : null;
        } catch (JMSException e) {
            throw new IllegalStateException("membership message cannot be read", e);
        }
        batch.add(InputFormat.MEMBERSHIP_XML, position, () -> xml == null ? "" : xml, () -> {
            if (xml == null) {
                throw new InvalidRecordException("not a text message");
            }
            return MemberEventMapper.map(xml);
        });
    }
}
