package io.atrium.hub.ingest;

/** What the resolver consumer does with a message it could not apply. */
public enum FailureAction {
    /** A transient cause: back on the queue as a new message, so the outage uses up none of its delivery attempts. */
    REQUEUE,
    /** Bad data with attempts left: the delivery rolls back and the broker redelivers it with back-off. */
    REDELIVER,
    /** Bad data at its last attempt: parked in the dead-letter queue with the reason. */
    PARK;

    /**
     * @param deliveryCount       this delivery's number, from 1 (`JMSXDeliveryCount`)
     * @param maxDeliveryAttempts the broker's `max-delivery-attempts` for the queue
     */
    public static FailureAction of(Throwable failure, int deliveryCount, int maxDeliveryAttempts) {
        if (TransientFailures.isTransient(failure)) {
            return REQUEUE;
        }
        return deliveryCount >= maxDeliveryAttempts ? PARK : REDELIVER;
    }
}
