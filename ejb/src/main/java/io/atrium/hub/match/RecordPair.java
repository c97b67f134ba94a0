package io.atrium.hub.match;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Two source records a row relates: a matcher's link or a steward's block, in the order their writer gives (the lower
 * id or RecordKey first). Each entity keeps its own id, so that its sequence stays its own.
 */
@MappedSuperclass
public abstract class RecordPair {

    @Column(name = "left_record_id", nullable = false)
    private long leftRecordId;

    @Column(name = "right_record_id", nullable = false)
    private long rightRecordId;

    protected RecordPair() {
    }

    protected RecordPair(long leftRecordId, long rightRecordId) {
        this.leftRecordId = leftRecordId;
        this.rightRecordId = rightRecordId;
    }

    /** The pair's record that is not {@code recordId}. */
    public long other(long recordId) {
        return recordId == leftRecordId ? rightRecordId : leftRecordId;
    }

    public long getLeftRecordId() { return leftRecordId; }
    public long getRightRecordId() { return rightRecordId; }
}
