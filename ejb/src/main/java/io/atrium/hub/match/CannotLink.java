package io.atrium.hub.match;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A steward's "never in one customer" between two source records: from a rejected review pair or a
 * split that blocks re-merging. Kept with the action that made it, so undoing the action removes it.
 */
@Entity
@Table(name = "cannot_link", indexes = {
        @Index(name = "ix_cannot_link_left", columnList = "left_record_id"),
        @Index(name = "ix_cannot_link_right", columnList = "right_record_id"),
        @Index(name = "ix_cannot_link_action", columnList = "action_id")})
public class CannotLink extends RecordPair {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "action_id", nullable = false)
    private long actionId;

    protected CannotLink() {
    }

    public CannotLink(long leftRecordId, long rightRecordId, long actionId) {
        super(leftRecordId, rightRecordId);
        this.actionId = actionId;
    }

    public long getActionId() { return actionId; }
}
