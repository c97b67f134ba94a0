package io.atrium.hub.steward;

import io.atrium.hub.persistence.EnumColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The audit trail of the stewards: who did what, when, why, and the customers as they were before. */
@Entity
@Table(name = "steward_action")
public class StewardAction {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Convert(converter = EnumColumns.StewardActionTypes.class)
    @Column(nullable = false, length = 12)
    private StewardActionType type;

    @Column(nullable = false, length = 128)
    private String actor;

    @Column(name = "acted_at", nullable = false)
    private Instant actedAt;

    @Column(nullable = false, length = 2000)
    private String reason;

    /** The review pair of an ACCEPT or REJECT. */
    @Column(name = "link_id")
    private Long linkId;

    /** The source record of a SPLIT. */
    @Column(name = "record_id")
    private Long recordId;

    /** A SPLIT that keeps the record from merging back. */
    @Column(nullable = false)
    private boolean block;

    /** The action an UNDO reversed. */
    @Column(name = "undoes")
    private Long undoes;

    /** The UNDO that reversed this action, if any. */
    @Column(name = "undone_by")
    private Long undoneBy;

    /** The customers the action touched, each with its source records, as JSON, before the action. */
    @Column(name = "state_before", nullable = false, length = 1_000_000)
    private String stateBefore;

    @Column(name = "state_after", length = 1_000_000)
    private String stateAfter;

    protected StewardAction() {
    }

    public StewardAction(StewardActionType type, String actor, Instant actedAt, String reason) {
        this.type = type;
        this.actor = actor;
        this.actedAt = actedAt;
        this.reason = reason;
        this.stateBefore = "{}";
    }

    public Long getId() { return id; }
    public StewardActionType getType() { return type; }
    public String getActor() { return actor; }
    public Instant getActedAt() { return actedAt; }
    public String getReason() { return reason; }
    public Long getLinkId() { return linkId; }
    public void setLinkId(Long linkId) { this.linkId = linkId; }
    public Long getRecordId() { return recordId; }
    public void setRecordId(Long recordId) { this.recordId = recordId; }
    public boolean isBlock() { return block; }
    public void setBlock(boolean block) { this.block = block; }
    public Long getUndoes() { return undoes; }
    public void setUndoes(Long undoes) { this.undoes = undoes; }
    public Long getUndoneBy() { return undoneBy; }
    public void setUndoneBy(Long undoneBy) { this.undoneBy = undoneBy; }
    public String getStateBefore() { return stateBefore; }
    public void setStateBefore(String stateBefore) { this.stateBefore = stateBefore; }
    public String getStateAfter() { return stateAfter; }
    public void setStateAfter(String stateAfter) { this.stateAfter = stateAfter; }
}
