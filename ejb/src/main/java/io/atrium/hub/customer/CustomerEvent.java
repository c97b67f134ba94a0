package io.atrium.hub.customer;

import io.atrium.hub.persistence.EnumColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** The customer's timeline: every create, link, merge and change, in order. */
@Entity
@Table(name = "customer_event", indexes = @Index(name = "ix_customer_event_customer", columnList = "customer_id, occurred_at"))
public class CustomerEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "customer_id", nullable = false, length = 40)
    private String customerId;

    @Convert(converter = EnumColumns.ChangeTypes.class)
    @Column(nullable = false, length = 24)
    private ChangeType type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "related_customer_id", length = 40)
    private String relatedCustomerId;

    @Column(length = 64)
    private String source;

    @Column(name = "source_id", length = 128)
    private String sourceId;

    protected CustomerEvent() {
    }

    public CustomerEvent(String customerId, ChangeType type, Instant occurredAt,
                         String relatedCustomerId, String source, String sourceId) {
        this.customerId = customerId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.relatedCustomerId = relatedCustomerId;
        this.source = source;
        this.sourceId = sourceId;
    }

    public Long getId() { return id; }
    public String getCustomerId() { return customerId; }
    public ChangeType getType() { return type; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getRelatedCustomerId() { return relatedCustomerId; }
    public String getSource() { return source; }
    public String getSourceId() { return sourceId; }
}
