package io.atrium.hub.deadletter;

import io.atrium.hub.ingest.ResolverQueue;
import jakarta.enterprise.context.ApplicationScoped;

import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Messages waiting in the hub's queues, read from the server's management model (the
 * `jms-queue` resource's `message-count`, through JMX): counting by browsing would read a
 * backlog of 100,000 messages on every health probe.
 */
@ApplicationScoped
public class QueueDepths {

    private static final Logger LOG = Logger.getLogger(QueueDepths.class.getName());

    /** The resolver's input and its dead-letter queue. */
    public List<QueueDepth> hubQueues() {
        return List.of(depth(ResolverQueue.NAME), depth(DeadLetterQueue.NAME));
    }

    public QueueDepth depth(String jmsQueue) {
        try {
            ObjectName queue = new ObjectName("jboss.as:subsystem=messaging-activemq,server=default,jms-queue=" + jmsQueue);
            Number count = (Number) ManagementFactory.getPlatformMBeanServer().getAttribute(queue, "messageCount");
            return new QueueDepth(jmsQueue, count.longValue());
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.FINE, "message count of " + jmsQueue + " unavailable", e);
            return new QueueDepth(jmsQueue, null);
        }
    }

    /** @param messages messages in the queue, null when the broker did not say */
    public record QueueDepth(String queue, Long messages) {
    }
}
