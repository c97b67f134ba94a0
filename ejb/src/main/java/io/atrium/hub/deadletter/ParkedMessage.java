package io.atrium.hub.deadletter;

import java.time.Instant;

/**
 * A message in the dead-letter queue, for operators.
 *
 * @param originalQueue the queue it was parked from (null when unknown: it cannot be replayed)
 * @param sentAt        when its producer sent it
 * @param parkedAt      when the hub parked it (null when the broker did)
 * @param deliveries    delivery attempts before it was parked (null when the broker parked it)
 * @param reason        the failure's classes and SQLStates (null when the broker parked it)
 * @param content       the body with personal data masked
 */
public record ParkedMessage(String messageId, String originalQueue, Instant sentAt, Instant parkedAt, Integer deliveries,
                            String reason, String content) {
}
