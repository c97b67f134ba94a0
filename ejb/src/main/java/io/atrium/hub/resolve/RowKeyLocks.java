package io.atrium.hub.resolve;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;

/**
 * Key locks as rows of {@code block_lock} (H2, which has no advisory locks): the missing rows are created first
 * ({@link BlockLockRows}), then all are locked in one statement in hash order and held until the commit.
 */
@ApplicationScoped
public class RowKeyLocks implements KeyLockSpace {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

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
        em.createQuery("select b from BlockLock b where b.hash in :hashes order by b.hash", BlockLock.class)
                .setParameter("hashes", hashes)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    static Set<Long> existing(EntityManager em, Collection<Long> hashes) {
        return new HashSet<>(em.createQuery("select b.hash from BlockLock b where b.hash in :hashes", Long.class)
                .setParameter("hashes", hashes)
                .getResultList());
    }
}
