package io.atrium.hub.resolve;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;

/**
 * Key locks as rows of {@code block_lock} (H2, which has no advisory locks): the missing rows are created first
 * ({@link BlockLockRows}), then all are locked in one statement in hash order and held until the commit.
 * <p>
 * A batch waiting for keys another batch holds is waiting its turn, not failing: it waits as a PostgreSQL
 * advisory lock does, until the holder ends, bounded by {@link #KEY_WAIT_SECONDS} instead of the session's lock
 * timeout (10 s in the hub's URL). Under that timeout, a batch queued behind one that took longer than 10 s
 * failed, went back on the queue and sent the resolver into its outage wait, again and again.
 */
@ApplicationScoped
public class RowKeyLocks implements KeyLockSpace {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** The transaction manager's default timeout: a wait longer than that would outlive the waiting transaction. */
    static final int KEY_WAIT_SECONDS = 300;

    @Inject
    BlockLockRows rows;

    /** Writes the guard row that creators of rows queue on, before any batch is resolved. */
    public void ensureGuard() {
        if (em.find(BlockLock.class, BlockLockRows.GUARD) == null) {
            em.persist(new BlockLock(BlockLockRows.GUARD));
        }
    }

    @Override
    public void lock(SortedSet<Long> hashes) {
        if (existing(em, hashes).size() < hashes.size()) {
            rows.createMissing(hashes);
        }
        // native: Hibernate's H2 dialect drops a lock timeout hint; H2 takes FOR UPDATE WAIT in seconds
        em.createNativeQuery("select hash from block_lock where hash in (:hashes) order by hash for update wait "
                        + KEY_WAIT_SECONDS)
                .setParameter("hashes", hashes)
                .getResultList();
    }

    static Set<Long> existing(EntityManager em, Collection<Long> hashes) {
        return new HashSet<>(em.createQuery("select b.hash from BlockLock b where b.hash in :hashes", Long.class)
                .setParameter("hashes", hashes)
                .getResultList());
    }
}
