package io.atrium.hub.deadletter;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The audit trail of the dead-letter queue's discards: which parked message (its id, queue and the failure it was
 * parked for, never its content), who threw it away, when and why. The message itself is gone.
 */
@Entity
@Table(name = "dead_letter_discard")
public class DiscardedMessage {

    public static final int REASON_LENGTH = 2000;
    private static final int FAILURE_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "message_id", nullable = false, length = 200)
    private String messageId;

    @Column(name = "original_queue", length = 200)
    private String originalQueue;

    /** The failure it was parked for (null when the broker parked it). */
    @Column(length = FAILURE_LENGTH)
    private String failure;

    @Column(name = "parked_at")
    private Instant parkedAt;

    private Integer deliveries;

    @Column(nullable = false, length = 128)
    private String actor;

    @Column(name = "discarded_at", nullable = false)
    private Instant discardedAt;

    @Column(nullable = false, length = REASON_LENGTH)
    private String reason;

    protected DiscardedMessage() {
    }

    DiscardedMessage(ParkedMessage parked, String actor, Instant discardedAt, String reason) {
        this.messageId = parked.messageId();
        this.originalQueue = parked.originalQueue();
        this.failure = parked.reason() == null || parked.reason().length() <= FAILURE_LENGTH
                ? parked.reason() : parked.reason().substring(0, FAILURE_LENGTH);
        this.parkedAt = parked.parkedAt();
        this.deliveries = parked.deliveries();
        this.actor = actor;
        this.discardedAt = discardedAt;
        this.reason = reason;
    }

    View view() {
        return new View(id, messageId, originalQueue, failure, parkedAt, deliveries, actor, discardedAt, reason);
    }

    /** A discard as operators list it; {@code failure}, {@code parkedAt}, {@code deliveries} null when the broker parked it. */
    @JsonbNillable
    public record View(long id, String messageId, String originalQueue, String failure, Instant parkedAt, Integer deliveries,
                       String actor, Instant discardedAt, String reason) {
    }
}
