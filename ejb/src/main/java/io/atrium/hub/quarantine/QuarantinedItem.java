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
import java.util.Optional;

/**
 * A source item the hub could not take, kept with its reason until an operator acts. Whatever
 * the item holds, it is stored (see {@link StorableText}): characters no text column takes are
 * escaped, and an item longer than the column is cut to its head, with its length kept; such an
 * item can no longer be replayed.
 */
@Entity
@Table(name = "quarantined_item", indexes = @Index(name = "ix_quarantined_status", columnList = "status, created_at"))
public class QuarantinedItem {

    static final int SOURCE_LENGTH = 64;
    static final int POSITION_LENGTH = 500;
    static final int REASON_LENGTH = 1000;
    static final int PAYLOAD_LENGTH = 1_000_000;
    public static final int CLOSE_REASON_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = SOURCE_LENGTH)
    private String source;

    @Convert(converter = EnumColumns.InputFormats.class)
    @Column(nullable = false, length = 24)
    private InputFormat format;

    @Column(nullable = false, length = POSITION_LENGTH)
    private String position;

    @Column(nullable = false, length = REASON_LENGTH)
    private String reason;

    @Column(nullable = false, length = PAYLOAD_LENGTH)
    private String payload;

    /** True when the payload is stored escaped ({@link StorableText#escape}); null when stored as it came. */
    @Column(name = "payload_escaped")
    private Boolean payloadEscaped;

    /** The item's length in characters when only its head is stored; null when it is whole. */
    @Column(name = "payload_truncated_from")
    private Integer payloadTruncatedFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private QuarantineStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    /** Why it was closed, as the operator said (a discard's reason); null for a replay. */
    @Column(name = "close_reason", length = CLOSE_REASON_LENGTH)
    private String closeReason;

    protected QuarantinedItem() {
    }

    public QuarantinedItem(String source, InputFormat format, String position, String reason, String payload, Instant now) {
        this.source = StorableText.fitted(source, SOURCE_LENGTH);
        this.format = format;
        this.position = StorableText.fitted(position, POSITION_LENGTH);
        this.reason = StorableText.fitted(reason, REASON_LENGTH);
        String item = payload == null ? "" : payload;
        String storable = item;
        if (StorableText.needsEscape(item)) {
            storable = StorableText.escape(item);
            this.payloadEscaped = true;
        }
        if (storable.length() > PAYLOAD_LENGTH) {
            storable = StorableText.head(storable, PAYLOAD_LENGTH);
            this.payloadTruncatedFrom = item.length();
        }
        this.payload = storable;
        this.status = QuarantineStatus.OPEN;
        this.createdAt = now;
    }

    public void close(QuarantineStatus outcome, String by, Instant now, String reason) {
        this.status = outcome;
        this.closedBy = by;
        this.closedAt = now;
        this.closeReason = reason;
    }

    public void stillFails(String newReason) {
        this.reason = StorableText.fitted(newReason, REASON_LENGTH);
    }

    /** The item exactly as the source sent it, for a replay; empty when only its head is stored. */
    public Optional<String> originalPayload() {
        if (payloadTruncatedFrom != null) {
            return Optional.empty();
        }
        return Optional.of(Boolean.TRUE.equals(payloadEscaped) ? StorableText.unescape(payload) : payload);
    }

    public Long getId() { return id; }
    public String getSource() { return source; }
    public InputFormat getFormat() { return format; }
    public String getPosition() { return position; }
    public String getReason() { return reason; }
    /** The stored payload: escaped when it held characters no column takes, cut when it was too long. */
    public String getPayload() { return payload; }
    public Integer getPayloadTruncatedFrom() { return payloadTruncatedFrom; }
    public QuarantineStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public String getCloseReason() { return closeReason; }
}
