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
// The primary key (field, hash, source_record_id: an id class's columns go in its attributes' alphabetical order,
// which is also their order here) is the candidates' index: look-ups by field and hash read it alone. It is the
// table's only index kept in hash order, which inserts reach at random; a record's own rows have an index of their
// own, in record order, which new records append to.
@Table(name = "record_hash", indexes = @Index(name = "ix_record_hash_record", columnList = "source_record_id"))
@IdClass(RecordHash.Key.class)
public class RecordHash {

    /** {@link #field} of a blocking key; values carry their FieldKind's ordinal. */
    public static final short BLOCKING_KEY = -1;

    @Id
    private short field;

    @Id
    private long hash;

    @Id
    @Column(name = "source_record_id")
    private long sourceRecordId;

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
        private short field;
        private long hash;
        private long sourceRecordId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.field == field && k.hash == hash && k.sourceRecordId == sourceRecordId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(field, hash, sourceRecordId);
        }
    }
}
