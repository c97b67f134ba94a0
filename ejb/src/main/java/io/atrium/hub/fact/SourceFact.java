package io.atrium.hub.fact;

import io.atrium.resolution.model.FactType;
import io.atrium.hub.persistence.EnumColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A business fact from a source system, attached to a source party record (not to a
 * customer): when records are merged or split, their facts follow them.
 */
@Entity
@Table(name = "source_fact",
        uniqueConstraints = @UniqueConstraint(name = "uk_source_fact_key", columnNames = {"source", "fact_type", "fact_id"}),
        indexes = @Index(name = "ix_source_fact_party", columnList = "source, party_source_id"))
public class SourceFact {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 64)
    private String source;

    @Convert(converter = EnumColumns.FactTypes.class)
    @Column(name = "fact_type", nullable = false, length = 16)
    private FactType type;

    @Column(name = "fact_id", nullable = false, length = 160)
    private String factId;

    /**
     * A fact whose source named no party (an anonymous walk-in's ticket) is stored with {@link #NO_PARTY}:
     * no source id is empty, so it joins no record; the column stays NOT NULL because a schema update
     * never relaxes an existing database's constraint.
     */
    public static final String NO_PARTY = "";

    @Column(name = "party_source_id", nullable = false, length = 128)
    private String partySourceId;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "fact_updated_at")
    private Instant updatedAt;

    /** The hub's clock when this content was stored (what the live value refresh is timed from). */
    @Column(name = "stored_at")
    private Instant storedAt;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    /** The fact's data as JSON. */
    @Column(nullable = false, length = 100_000)
    private String data;

    /** {@link FactFigures}: what a profile counts and sums, taken from the data whenever it changes. */
    @Column(name = "fact_state", length = 32)
    private String state;

    @Column(precision = 18, scale = 2)
    private BigDecimal amount;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    private Integer rating;

    @Column(name = "fact_category", length = 32)
    private String category;

    protected SourceFact() {
    }

    public SourceFact(String source, FactType type, String factId) {
        this.source = source;
        this.type = type;
        this.factId = factId;
    }

    /**
     * Takes a state of this fact as its source states it, by the rule source records follow: an
     * older version than the stored one changes nothing; the same content only moves the version
     * forward (so that a state between the two cannot replace it later); anything else replaces
     * the stored state. A state without a version is never older.
     *
     * @return whether the fact's content changed
     */
    public boolean update(String partySourceId, Instant occurredAt, Instant updatedAt, String data, String contentHash) {
        if (updatedAt != null && this.updatedAt != null && updatedAt.isBefore(this.updatedAt)) {
            return false;
        }
        if (contentHash.equals(this.contentHash)) {
            if (updatedAt != null) {
                this.updatedAt = updatedAt;
            }
            return false;
        }
        this.partySourceId = partySourceId;
        this.occurredAt = occurredAt;
        this.updatedAt = updatedAt;
        this.data = data;
        this.contentHash = contentHash;
        this.storedAt = Instant.now();
        return true;
    }

    /** Sets the figures of the data stored now. */
    public void figures(FactFigures figures) {
        String state = figures.state();
        this.state = state == null || state.length() <= 32 ? state : state.substring(0, 32);
        this.amount = figures.amount();
        this.endsOn = figures.endsOn();
        this.rating = figures.rating();
        String category = figures.category();
        this.category = category == null || category.length() <= 32 ? category : category.substring(0, 32);
    }

    public Long getId() { return id; }
    public String getSource() { return source; }
    public FactType getType() { return type; }
    public String getFactId() { return factId; }
    public String getPartySourceId() { return partySourceId; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getContentHash() { return contentHash; }
    public String getData() { return data; }
}
