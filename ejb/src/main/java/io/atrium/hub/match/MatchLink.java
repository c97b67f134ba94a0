package io.atrium.hub.match;

import io.atrium.hub.persistence.EnumColumns;
import io.atrium.resolution.match.Decision;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Instant;
import java.util.Optional;

/**
 * A scored pair of source records that the matcher decided MERGE or REVIEW, with its explanation.
 * A REVIEW pair waits for a steward; an accepted one links like a MERGE, a rejected one never links.
 * A MERGE link of a surname-only caller the partitioner held back (two customers who cannot be one person are
 * candidates) waits for a steward too, with the reason ({@link #awaitSteward}).
 * A link a steward's split suppressed no longer joins its records until the split is undone.
 */
@Entity
@Table(name = "match_link",
        uniqueConstraints = @UniqueConstraint(name = "uk_match_link_pair", columnNames = {"left_record_id", "right_record_id"}),
        indexes = {
                @Index(name = "ix_match_link_left", columnList = "left_record_id"),
                @Index(name = "ix_match_link_right", columnList = "right_record_id"),
                // the review queue's filter and order (Stewardship.pendingReviews): walked in order, it stops after a
                // page of pending pairs instead of sorting them all. Not partial (where review_state = 'PENDING'):
                // H2 has no partial indexes; the equality on its first column narrows the walk just as well
                @Index(name = "ix_match_link_priority", columnList = "review_state, priority desc, id")})
public class MatchLink extends RecordPair {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false)
    private double score;

    /**
     * The review queue's order, highest first ({@link io.atrium.resolution.match.ReviewPriority}): the score, or for a
     * review pair its score under the review-priority settings. Never decides anything. Nullable only for links stored
     * before the column existed, until {@link LinkPriorityStart} fills them (once).
     */
    @Column(name = "priority")
    private Double priority;

    @Convert(converter = EnumColumns.LinkDecisions.class)
    @Column(nullable = false, length = 12)
    private Decision decision;

    /** The records can never be one party (conflicting identifiers, names or birth dates). */
    @Column(nullable = false)
    private boolean conflict;

    /** Per-field evidence and weights, free of personal values (MatchResult.explain). */
    @Column(nullable = false, length = 2000)
    private String explanation;

    @Convert(converter = EnumColumns.ReviewStates.class)
    @Column(name = "review_state", length = 12)
    private ReviewState reviewState;

    /** Why a MERGE link waits for a steward ({@link io.atrium.resolution.cluster.ClusterPartitioner.HeldBack#reason}). */
    @Column(name = "review_reason", length = 200)
    private String reviewReason;

    /** The steward action that suppressed this link (a split), null while it links. */
    @Column(name = "suppressed_by")
    private Long suppressedBy;

    @Column(name = "scored_at", nullable = false)
    private Instant scoredAt;

    protected MatchLink() {
    }

    public MatchLink(long leftRecordId, long rightRecordId, double score, double priority, Decision decision, boolean conflict,
                     String explanation, Instant scoredAt) {
        // the pair in RecordKey order, as the scorer reports it
        super(leftRecordId, rightRecordId);
        this.score = score;
        this.priority = priority;
        this.decision = decision;
        this.conflict = conflict;
        this.explanation = bounded(explanation);
        this.reviewState = decision == Decision.REVIEW ? ReviewState.PENDING : null;
        this.scoredAt = scoredAt;
    }

    /** A new score for a pair whose steward decision stands. */
    public void rescore(double score, double priority, boolean conflict, String explanation, Instant scoredAt) {
        this.score = score;
        if (reviewReason == null) {
            // a held-back caller's link keeps its place among the stewards' choices until its next re-partition sets it
            this.priority = priority;
        }
        this.conflict = conflict;
        this.explanation = bounded(explanation);
        this.scoredAt = scoredAt;
    }

    /** The matcher decides the pair the other way (re-scoring under new weights): a new review pair waits for a steward. */
    public void redecide(double score, double priority, Decision decision, boolean conflict, String explanation, Instant scoredAt) {
        this.reviewReason = null;
        rescore(score, priority, conflict, explanation, scoredAt);
        this.decision = decision;
        this.reviewState = decision == Decision.REVIEW ? ReviewState.PENDING : null;
    }

    /**
     * A MERGE link waits for a steward while its surname-only record is held back (the reason given), at the priority
     * given ({@link io.atrium.resolution.cluster.ClusterPartitioner#stewardPriorities}), and leaves the queue once it
     * no longer is, its priority its score again; a steward's decision stands either way.
     */
    public void awaitSteward(Optional<String> reason, double heldBackPriority) {
        if (decision == Decision.MERGE && reviewState != ReviewState.ACCEPTED && reviewState != ReviewState.REJECTED) {
            reviewState = reason.isPresent() ? ReviewState.PENDING : null;
            reviewReason = reason.orElse(null);
            priority = reason.isPresent() ? heldBackPriority : score;
        }
    }

    private static String bounded(String explanation) {
        return explanation.length() > 2000 ? explanation.substring(0, 2000) : explanation;
    }

    /** Whether this link joins its records into one customer (subject to conflicts and blocks). */
    public boolean links() {
        return suppressedBy == null && (decision == Decision.MERGE || reviewState == ReviewState.ACCEPTED);
    }

    public Long getId() { return id; }
    public double getScore() { return score; }
    public double getPriority() { return priority == null ? score : priority; }
    public Decision getDecision() { return decision; }
    public boolean isConflict() { return conflict; }
    public String getExplanation() { return explanation; }
    public ReviewState getReviewState() { return reviewState; }
    public String getReviewReason() { return reviewReason; }
    public void setReviewState(ReviewState reviewState) { this.reviewState = reviewState; }
    public Long getSuppressedBy() { return suppressedBy; }
    public void setSuppressedBy(Long suppressedBy) { this.suppressedBy = suppressedBy; }
    public Instant getScoredAt() { return scoredAt; }
}
