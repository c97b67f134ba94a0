package io.atrium.hub.quarantine;

import io.atrium.connectors.common.InputFormat;
import io.atrium.hub.persistence.EnumColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** A source item the hub could not take, kept with its reason until an operator acts. */
@Entity
@Table(name = "quarantined_item", indexes = @Index(name = "ix_quarantined_status", columnList = "status, created_at"))
public class QuarantinedItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 64)
    private String source;

    @Convert(converter = EnumColumns.InputFormats.class)
    @Column(nullable = false, length = 24)
    private InputFormat format;

    @Column(nullable = false, length = 500)
    private String position;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(nullable = false, length = 1_000_000)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private QuarantineStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    protected QuarantinedItem() {
    }

    public QuarantinedItem(String source, InputFormat format, String position, String reason, String payload, Instant now) {
        this.source = source;
        this.format = format;
        this.position = position;
        this.reason = reason;
        this.payload = payload;
        this.status = QuarantineStatus.OPEN;
        this.createdAt = now;
    }

    public void close(QuarantineStatus outcome, String by, Instant now) {
        this.status = outcome;
        this.closedBy = by;
        this.closedAt = now;
    }

    public void stillFails(String newReason) {
        this.reason = newReason;
    }

    public Long getId() { return id; }
    public String getSource() { return source; }
    public InputFormat getFormat() { return format; }
    public String getPosition() { return position; }
    public String getReason() { return reason; }
    public String getPayload() { return payload; }
    public QuarantineStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
}
