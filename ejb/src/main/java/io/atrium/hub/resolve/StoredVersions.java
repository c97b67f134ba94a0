package io.atrium.hub.resolve;

import io.atrium.resolution.model.RecordKey;
import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a resolver batch's records are stored, and under which id: read for the whole batch at once, right after
 * its keys are locked, instead of a query per record. Exact for the transaction: the batch holds the lock of every
 * one of its records' (source, sourceId) ({@link BlockingKeyLocks}), so no other transaction stores one of them
 * meanwhile, and a record the batch stores itself is added as it is stored (a later version of it in the same batch
 * then finds it, as the query per record found it after a flush). A record's version is not kept here: the resolver
 * reads the stored record by id, one primary-key read, and only for a record already stored.
 */
@TransactionScoped
public class StoredVersions implements Serializable {

    /** The stored records among these keys, by key ({@code JpaSourceRecordRepository#idsOf}). */
    @FunctionalInterface
    interface Ids {
        Map<RecordKey, Long> of(Collection<RecordKey> keys);
    }

    private final Set<RecordKey> read = new HashSet<>();
    private final Map<RecordKey, Long> ids = new HashMap<>();

    /** Reads which of these records are stored, in one statement (none when all were read before). */
    void read(Collection<RecordKey> keys, Ids stored) {
        List<RecordKey> unread = keys.stream().filter(read::add).toList();
        if (!unread.isEmpty()) {
            ids.putAll(stored.of(unread));
        }
    }

    /**
     * The id of the stored record with this key, null when none is stored.
     *
     * @throws IllegalStateException if the batch did not read it: answering "none" could store the record twice
     */
    Long idOf(RecordKey key) {
        if (!read.contains(key)) {
            throw new IllegalStateException("the stored versions of a resolver batch are read before its records are resolved");
        }
        return ids.get(key);
    }

    /** The batch has just stored this record (its id given at persist). */
    void stored(RecordKey key, long id) {
        read.add(key);
        ids.put(key, id);
    }
}
