package io.atrium.hub.resolve;

import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.Hashing;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Serializes resolver transactions whose records could meet. A record is compared only with the stored
 * records under its usable blocking keys, so a transaction that locks the usable keys of all its records
 * before reading any candidate resolves after every transaction holding one of those keys has committed,
 * and finds its records; transactions with no key in common go in parallel. The records' own (source,
 * sourceId) is locked as well, so two versions of one record never resolve at once.
 * <p>
 * The keys are those usable under the frequency snapshot the transaction starts with. A later snapshot
 * only makes keys unusable (blocks grow with the population), so records resolved after a refresh in the
 * same transaction read no key it did not lock; two transactions on either side of a refresh end as if one
 * had run after the other (see docs/ARCHITECTURE.md, key locks).
 * <p>
 * Locks are rows of {@code block_lock}, locked in one statement in hash order and held until the commit;
 * every transaction takes them before any customer lock ({@link CustomerLocks}) and the feed clock. Being
 * the database's, they hold across sessions and nodes.
 */
@ApplicationScoped
public class BlockingKeyLocks {

    private static final long RECORD_KEY_SEED = Hashing.seed("RECORD");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    BlockLockRows rows;

    @Inject
    MatchEngine engine;

    @Inject
    FrequencySnapshot frequencies;

    /** Locks the keys of these records until the transaction ends. */
    public void lock(Collection<StandardizedRecord> records) {
        Set<Long> hashes = new TreeSet<>();
        for (StandardizedRecord record : records) {
            hashes.add(Hashing.hash64(RECORD_KEY_SEED, recordText(record.key())));
            engine.resolver().usableKeys(record, frequencies.current()).stream().map(BlockingKey::hash).forEach(hashes::add);
        }
        if (hashes.isEmpty()) {
            return;
        }
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

    private static String recordText(RecordKey key) {
        return key.source() + '|' + key.sourceId();
    }
}
