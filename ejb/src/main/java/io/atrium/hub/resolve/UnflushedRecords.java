package io.atrium.hub.resolve;

import io.atrium.hub.match.RecordHash;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The new records a resolver transaction has stored and not flushed yet, and what a later read could find of them:
 * their keys, their blocking-key hashes and the customers they were stored into. {@link RecordResolver} reads with
 * flush mode COMMIT, and flushes first only when a read could meet one of these: a later version of the same record,
 * a record sharing one of their blocking keys, or a record involving one of their customers. Nothing else of the
 * transaction is left unflushed: every other path flushes before it returns.
 * <p>
 * Part of a transaction's {@link ResolverTransaction.State}.
 */
public class UnflushedRecords implements Serializable {

    private final Set<RecordKey> keys = new HashSet<>();
    private final Set<Long> blockingHashes = new HashSet<>();
    private final Set<String> customers = new HashSet<>();

    /** A new record stored into these customers (the one it joined or was created with, and any it locked). */
    void add(StandardizedRecord record, Collection<String> customerIds) {
        keys.add(record.key());
        RecordHashes.of(record).forEach((hash, field) -> {
            if (field == RecordHash.BLOCKING_KEY) {
                blockingHashes.add(hash);
            }
        });
        customers.addAll(customerIds);
    }

    /** Whether one of them is this record (reading its stored version could miss it). */
    boolean holds(RecordKey key) {
        return keys.contains(key);
    }

    /** Whether one of them is stored under one of these blocking keys (reading the candidates could miss it). */
    boolean shareKey(Collection<Long> blockingKeyHashes) {
        return !Collections.disjoint(blockingHashes, blockingKeyHashes);
    }

    /** Whether any of these customers holds one of them (its members or golden values are then not as stored). */
    boolean involve(Collection<String> customerIds) {
        return !Collections.disjoint(customers, customerIds);
    }

    /** After a flush: the database holds all of them. */
    void flushed() {
        keys.clear();
        blockingHashes.clear();
        customers.clear();
    }
}
