package io.atrium.hub.deadletter;

/** The queue where messages are parked that the hub gave up on, and the properties it reads and writes on them. */
public final class DeadLetterQueue {

    /** Artemis' name of the queue, for management. */
    public static final String NAME = "AtriumDLQ";
    public static final String JNDI = "java:/jms/queue/atrium/dlq";

    /**
     * The address a message was parked from. Artemis sets it when it dead-letters a message;
     * the resolver sets it too when it parks one itself.
     */
    static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    /** Why the hub parked it: the failure's classes and SQLStates, no values. */
    static final String FAILURE = "atriumFailure";
    static final String PARKED_AT = "atriumParkedAt";
    static final String DELIVERIES = "atriumDeliveries";
    /** WildFly's core addresses of JMS queues carry this prefix. */
    static final String JMS_QUEUE_PREFIX = "jms.queue.";

    private DeadLetterQueue() {
    }

    /** The core address of a JMS queue, as Artemis writes it into {@link #ORIGINAL_ADDRESS}. */
    static String address(String jmsQueue) {
        return JMS_QUEUE_PREFIX + jmsQueue;
    }

    /** The JMS queue of a core address; null for an address that is not a queue's. */
    static String jmsQueue(String address) {
        return address != null && address.startsWith(JMS_QUEUE_PREFIX) ? address.substring(JMS_QUEUE_PREFIX.length()) : null;
    }
}
