package io.atrium.hub.resolve;

import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.Hashing;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Logger;

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
 * The locks are the database's, so they hold across sessions and nodes, and each database has one place for
 * them, chosen at start ({@link #start}): advisory locks on PostgreSQL ({@link AdvisoryKeyLocks}), rows of
 * {@code block_lock} elsewhere (H2, {@link RowKeyLocks}). Either way a transaction takes its keys in one
 * statement in hash order and holds them until its commit, before any customer lock ({@link CustomerLocks})
 * and the feed clock.
 */
@ApplicationScoped
public class BlockingKeyLocks {

    private static final long RECORD_KEY_SEED = Hashing.seed("RECORD");

    private static final Logger LOG = Logger.getLogger(BlockingKeyLocks.class.getName());

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @Inject
    AdvisoryKeyLocks advisoryLocks;

    @Inject
    RowKeyLocks rowLocks;

    @Inject
    ResolverTransaction resolverTransaction;

    @Inject
    CurrentFrequencies frequencies;

    private volatile KeyLockSpace space;

    /** Chooses the lock space from the database, once, before any batch is resolved ({@link KeyLockStart}). */
    public void start() {
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("reading which database the hub runs on failed", e);
        }
        if (database.equals("PostgreSQL")) {
            space = advisoryLocks;
            LOG.info("key locks: PostgreSQL advisory locks");
        } else {
            rowLocks.ensureGuard();
            space = rowLocks;
            LOG.info(() -> "key locks: rows of block_lock (" + database + ")");
        }
    }

    /** Locks the keys of these records until the transaction ends. */
    public void lock(Collection<StandardizedRecord> records) {
        SortedSet<Long> hashes = new TreeSet<>();
        UsableKeys usableKeys = resolverTransaction.state().usableKeys();
        ValueFrequencies snapshot = frequencies.get();
        for (StandardizedRecord record : records) {
            hashes.add(Hashing.hash64(RECORD_KEY_SEED, recordText(record.key())));
            usableKeys.of(record, snapshot).stream().map(BlockingKey::hash).forEach(hashes::add);
        }
        if (hashes.isEmpty()) {
            return;
        }
        space.lock(hashes);
    }

    private static String recordText(RecordKey key) {
        return key.source() + '|' + key.sourceId();
    }
}
