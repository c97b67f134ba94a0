package io.atrium.hub.customer;

import io.atrium.hub.quality.RecordQuality;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Instant;

/** What one source system said about one party, identified by (source, sourceId). */
@Entity
@NamedQuery(name = SourceRecord.BY_KEY, query = "select r from SourceRecord r where r.source = :source and r.sourceId = :sourceId")
@NamedQuery(name = SourceRecord.ID_BY_KEY, query = "select r.id from SourceRecord r where r.source = :source and r.sourceId = :sourceId")
@NamedQuery(name = SourceRecord.OF_CUSTOMER, query = "select r from SourceRecord r where r.customerId = :customerId order by r.source, r.sourceId")
@Table(name = "source_record",
        uniqueConstraints = @UniqueConstraint(name = "uk_source_record_key", columnNames = {"source", "source_id"}),
        indexes = @Index(name = "ix_source_record_customer", columnList = "customer_id"))
public class SourceRecord {

    static final String BY_KEY = "SourceRecord.byKey";
    static final String ID_BY_KEY = "SourceRecord.idByKey";
    static final String OF_CUSTOMER = "SourceRecord.ofCustomer";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 64)
    private String source;

    @Column(name = "source_id", nullable = false, length = 128)
    private String sourceId;

    @Column(name = "customer_id", nullable = false, length = 40)
    private String customerId;

    /** The source's own change time; a record older than the stored one is ignored. */
    @Column(name = "record_updated_at")
    private Instant recordUpdatedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    /** The canonical record as JSON, exactly as resolved. */
    @Column(nullable = false, length = 1_000_000)
    private String payload;

    /** The record as the matcher reads it (StandardizedRecordJson), so candidates need no second standardization. */
    @Column(length = 1_000_000)
    private String standardized;

    /** What the standardized form offers, in columns the data-quality figures count (null before it was kept). */
    @Embedded
    private RecordQuality quality;

    protected SourceRecord() {
    }

    public SourceRecord(String source, String sourceId) {
        this.source = source;
        this.sourceId = sourceId;
    }

    public void replace(String payload, String standardized, RecordQuality quality, String contentHash, Instant recordUpdatedAt, Instant receivedAt) {
        this.payload = payload;
        this.standardized = standardized;
        this.quality = quality;
        this.contentHash = contentHash;
        this.recordUpdatedAt = recordUpdatedAt;
        this.receivedAt = receivedAt;
    }

    /** The same content delivered in a newer version: the version moves on, nothing else changes. */
    public void advanceVersion(Instant newerUpdatedAt) {
        if (newerUpdatedAt != null && (recordUpdatedAt == null || newerUpdatedAt.isAfter(recordUpdatedAt))) {
            this.recordUpdatedAt = newerUpdatedAt;
        }
    }

    /** The standardized form again, from the same payload by the current standardizer (a re-index). */
    public void restandardize(String standardized, RecordQuality quality) {
        this.standardized = standardized;
        this.quality = quality;
    }

    public Long getId() { return id; }
    public String getSource() { return source; }
    public String getSourceId() { return sourceId; }
    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public Instant getRecordUpdatedAt() { return recordUpdatedAt; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getContentHash() { return contentHash; }
    public String getPayload() { return payload; }
    public String getStandardized() { return standardized; }
}
