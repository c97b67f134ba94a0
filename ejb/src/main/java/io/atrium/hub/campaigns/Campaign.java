package io.atrium.hub.campaigns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A campaign recorded against a segment, with the seed its holdout was drawn with and the sizes of its two parts. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "segment_name", nullable = false, length = 64)
    private String segment;

    @Column(name = "campaign_date", nullable = false)
    private LocalDate date;

    @Column(nullable = false, precision = 18, scale = 2)
    private BigDecimal cost;

    @Column(name = "holdout_share", nullable = false)
    private double holdoutShare;

    @Column(name = "response_days", nullable = false)
    private int responseDays;

    @Column(nullable = false)
    private long seed;

    @Column(nullable = false)
    private long targeted;

    @Column(name = "held_out", nullable = false)
    private long heldOut;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 128)
    private String createdBy;

    protected Campaign() {
    }

    Campaign(String name, String segment, LocalDate date, BigDecimal cost, double holdoutShare, int responseDays, long seed,
             Instant createdAt, String createdBy) {
        this.name = name;
        this.segment = segment;
        this.date = date;
        this.cost = cost;
        this.holdoutShare = holdoutShare;
        this.responseDays = responseDays;
        this.seed = seed;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void drawn(long targeted, long heldOut) {
        this.targeted = targeted;
        this.heldOut = heldOut;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getSegment() { return segment; }
    public LocalDate getDate() { return date; }
    public BigDecimal getCost() { return cost; }
    public double getHoldoutShare() { return holdoutShare; }
    public int getResponseDays() { return responseDays; }
    public long getSeed() { return seed; }
    public long getTargeted() { return targeted; }
    public long getHeldOut() { return heldOut; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
