package io.atrium.hub.match;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * One hash of a stored record (see InMemoryFrequencies.hashes): a blocking key, under which the
 * record is found as a candidate, or a standardized value, whose frequency the matcher weighs.
 * Counting rows per hash gives the frequency snapshot.
 */
@Entity
@Table(name = "record_hash", indexes = {
        // with the record id, candidate look-ups read the index alone
        @Index(name = "ix_record_hash_candidates", columnList = "hash, field, source_record_id"),
        // the primary key starts with the hash: a record's own rows need an index of their own
        @Index(name = "ix_record_hash_record", columnList = "source_record_id")})
@IdClass(RecordHash.Key.class)
public class RecordHash {

    /** {@link #field} of a blocking key; values carry their FieldKind's ordinal. */
    public static final short BLOCKING_KEY = -1;

    @Id
    @Column(name = "source_record_id")
    private long sourceRecordId;

    @Id
    private long hash;

    @Column(nullable = false)
    private short field;

    protected RecordHash() {
    }

    public RecordHash(long sourceRecordId, long hash, short field) {
        this.sourceRecordId = sourceRecordId;
        this.hash = hash;
        this.field = field;
    }

    public long getSourceRecordId() { return sourceRecordId; }
    public long getHash() { return hash; }
    public short getField() { return field; }

    public static class Key implements Serializable {
        private long sourceRecordId;
        private long hash;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sourceRecordId == sourceRecordId && k.hash == hash;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sourceRecordId, hash);
        }
    }
}
