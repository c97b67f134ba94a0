package io.atrium.hub.resolve;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Creates lock rows in a short transaction of its own, committed before the resolver's transaction
 * locks them: a row inserted inside that transaction would be locked by the insert, out of the global
 * order, and could deadlock with a transaction locking in order. Creators queue on one guard row
 * ({@link #GUARD}, written at start by {@link KeyLockStart}), so two batches never insert the
 * same row at once, which would fail one of them on the key.
 */
@ApplicationScoped
public class BlockLockRows {

    /** The row creators lock; a blocking key hashing to it only shares its lock. */
    static final long GUARD = Long.MIN_VALUE;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** Inserts those of these rows that do not exist yet (in JDBC batches), and commits. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createMissing(Collection<Long> hashes) {
        em.find(BlockLock.class, GUARD, LockModeType.PESSIMISTIC_WRITE);
        Set<Long> missing = new HashSet<>(hashes);
        missing.removeAll(RowKeyLocks.existing(em, hashes));
        missing.forEach(hash -> em.persist(new BlockLock(hash)));
    }
}
