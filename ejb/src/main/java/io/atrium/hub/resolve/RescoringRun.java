package io.atrium.hub.resolve;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One pass of the re-scoring ({@link Rescoring}) over the stored links, in link id order. Each chunk commits
 * its links and customers together with this row's progress, so a pass a crash interrupted goes on after the
 * last committed chunk when the hub starts again.
 */
@Entity
@Table(name = "rescoring_run")
public class RescoringRun {

    public enum State { RUNNING, DONE, FAILED }

    /** What started the pass. */
    public enum Cause { RECOUNT, OPERATOR }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    // plain text columns, as EnumColumns keeps the hub's other enums
    @Column(nullable = false, length = 12)
    private String state;

    @Column(nullable = false, length = 12)
    private String cause;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** The last link re-scored; the next chunk starts after it. */
    @Column(name = "last_link_id", nullable = false)
    private long lastLinkId;

    @Column(name = "links_done", nullable = false)
    private long linksDone;

    /** The links stored when the pass started (links stored meanwhile are scored by the resolver with the new weights). */
    @Column(name = "links_total", nullable = false)
    private long linksTotal;

    /** Links whose decision changed (merge, review, none), steward decisions aside. */
    @Column(name = "decisions_changed", nullable = false)
    private long decisionsChanged;

    @Column(name = "customers_changed", nullable = false)
    private long customersChanged;

    /** Re-scoring was asked for again during the pass (a recount, an operator): another pass follows this one. */
    @Column(name = "again", nullable = false)
    private boolean again;

    /**
     * The conflicts weighed changed before or during the pass: it also re-partitions the customers a joining link
     * connects that are apart (a conflict kept them apart, which may be weighed now). Null in rows of passes begun
     * before the column existed.
     */
    @Column(name = "conflicts_changed")
    private Boolean conflictsChanged;

    /** Exception classes only: a message may quote record data. */
    @Column(length = 500)
    private String failure;

    protected RescoringRun() {
    }

    RescoringRun(Cause cause, boolean conflictsChanged, long linksTotal, Instant startedAt) {
        this.state = State.RUNNING.name();
        this.cause = cause.name();
        this.conflictsChanged = conflictsChanged;
        this.linksTotal = linksTotal;
        this.startedAt = startedAt;
    }

    void chunkDone(long lastLinkId, int links, int decisionsChanged, int customersChanged) {
        this.lastLinkId = lastLinkId;
        this.linksDone += links;
        this.decisionsChanged += decisionsChanged;
        this.customersChanged += customersChanged;
    }

    void finish(Instant at) {
        state = State.DONE.name();
        finishedAt = at;
    }

    void fail(String failure, Instant at) {
        state = State.FAILED.name();
        this.failure = failure.length() > 500 ? failure.substring(0, 500) : failure;
        finishedAt = at;
    }

    /** The pass's remaining chunks already re-partition what other weighed conflicts may join; the next does it all. */
    void requestAgain(boolean conflictsChanged) {
        again = true;
        this.conflictsChanged = isConflictsChanged() || conflictsChanged;
    }

    public Long getId() { return id; }
    public State getState() { return State.valueOf(state); }
    public Cause getCause() { return Cause.valueOf(cause); }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public long getLastLinkId() { return lastLinkId; }
    public long getLinksDone() { return linksDone; }
    public long getLinksTotal() { return linksTotal; }
    public long getDecisionsChanged() { return decisionsChanged; }
    public long getCustomersChanged() { return customersChanged; }
    public boolean isAgain() { return again; }
    public boolean isConflictsChanged() { return Boolean.TRUE.equals(conflictsChanged); }
    public String getFailure() { return failure; }
}
