package io.atrium.hub.segments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** A segment's size at one time: taken daily by the timer and after each full recompute of its members. */
@Entity
@Table(name = "segment_size", indexes = @Index(name = "ix_segment_size_time", columnList = "segment_name, taken_at"))
public class SegmentSize {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "segment_name", nullable = false, length = 64)
    private String segment;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(nullable = false)
    private long members;

    protected SegmentSize() {
    }

    SegmentSize(String segment, Instant takenAt, long members) {
        this.segment = segment;
        this.takenAt = takenAt;
        this.members = members;
    }

    public String getSegment() { return segment; }
    public Instant getTakenAt() { return takenAt; }
    public long getMembers() { return members; }
}
