package io.atrium.hub.segments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A named segment: its rule ({@link SegmentRule}), where it was defined, and when its members were last selected in full. */
@Entity
@Table(name = "segment")
public class Segment {

    /** Configuration's segments are changed there; the API's by {@code hub-admin}. */
    public enum Origin { CONFIG, API }

    @Id
    @Column(length = 64)
    private String name;

    @Column(nullable = false, length = SegmentRule.MAX_LENGTH)
    private String rule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Origin origin;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 128)
    private String updatedBy;

    @Column(name = "recomputed_at")
    private Instant recomputedAt;

    protected Segment() {
    }

    Segment(String name, Origin origin) {
        this.name = name;
        this.origin = origin;
    }

    void define(String rule, String actor, Instant at) {
        this.rule = rule;
        this.updatedBy = actor;
        this.updatedAt = at;
    }

    void recomputed(Instant at) {
        this.recomputedAt = at;
    }

    public String getName() { return name; }
    public String getRule() { return rule; }
    public Origin getOrigin() { return origin; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getRecomputedAt() { return recomputedAt; }
}
