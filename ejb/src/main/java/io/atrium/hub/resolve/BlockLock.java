package io.atrium.hub.resolve;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A lock row per blocking-key hash (and per source record key) that a resolver transaction has used, on H2
 * only (PostgreSQL takes advisory locks instead and writes none): {@link RowKeyLocks} locks the rows of a
 * batch's keys until the commit, so two records that could be compared are never resolved at the same time.
 * The row holds nothing else; it is never deleted.
 */
@Entity
@Table(name = "block_lock")
public class BlockLock {

    @Id
    private long hash;

    protected BlockLock() {
    }

    BlockLock(long hash) {
        this.hash = hash;
    }

    public long getHash() {
        return hash;
    }
}
