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
import java.util.Arrays;
import java.util.List;

/**
 * The customer's timeline: every create, link, merge and change, in order. The changes announced
 * downstream also have their place in the changes feed ({@code feed_position}, see {@link io.atrium.hub.events.ChangeEvents}).
 */
@Entity
@Table(name = "customer_event", indexes = {
        @Index(name = "ix_customer_event_customer", columnList = "customer_id, occurred_at"),
        @Index(name = "ux_customer_event_feed_position", columnList = "feed_position", unique = true)})
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

    /** Every related customer (comma-separated); {@code relatedCustomerId} is the first. Null in rows older than the feed. */
    @Column(name = "related_customer_ids", length = 100_000)
    private String relatedCustomerIds;

    /** The change's place in the changes feed, in commit order; null for a change not announced (and for rows older than the feed). */
    @Column(name = "feed_position")
    private Long feedPosition;

    @Column(length = 64)
    private String source;

    @Column(name = "source_id", length = 128)
    private String sourceId;

    protected CustomerEvent() {
    }

    public CustomerEvent(String customerId, ChangeType type, Instant occurredAt,
                         List<String> relatedCustomerIds, String source, String sourceId, Long feedPosition) {
        this.customerId = customerId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.relatedCustomerId = relatedCustomerIds.isEmpty() ? null : relatedCustomerIds.get(0);
        this.relatedCustomerIds = String.join(",", relatedCustomerIds);
        this.feedPosition = feedPosition;
        this.source = source;
        this.sourceId = sourceId;
    }

    public Long getId() { return id; }
    public String getCustomerId() { return customerId; }
    public ChangeType getType() { return type; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getRelatedCustomerId() { return relatedCustomerId; }
    public List<String> getRelatedCustomerIds() {
        return relatedCustomerIds == null || relatedCustomerIds.isEmpty() ? List.of() : Arrays.asList(relatedCustomerIds.split(","));
    }
    public Long getFeedPosition() { return feedPosition; }
    public String getSource() { return source; }
    public String getSourceId() { return sourceId; }
}
