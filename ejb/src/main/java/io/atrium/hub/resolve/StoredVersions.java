package io.atrium.hub.resolve;

import io.atrium.hub.customer.StoredContent;
import io.atrium.resolution.model.RecordKey;

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
 * reads the stored record by id, one primary-key read, and only for a record already stored. Its content hash is kept
 * as the batch found it, for the read-ahead to leave out what arrives with the same content again.
 * <p>
 * Part of a transaction's {@link ResolverTransaction.State}.
 */
public class StoredVersions implements Serializable {

    /** The stored records among these keys, by key ({@code JpaSourceRecordRepository#storedContentOf}). */
    @FunctionalInterface
    interface Stored {
        Map<RecordKey, StoredContent> of(Collection<RecordKey> keys);
    }

    private final Set<RecordKey> read = new HashSet<>();
    private final Map<RecordKey, Long> ids = new HashMap<>();
    private final Map<RecordKey, String> contentFound = new HashMap<>();
    private int storedFirst;

    /** Reads which of these records are stored, in one statement (none when all were read before). */
    void read(Collection<RecordKey> keys, Stored stored) {
        List<RecordKey> unread = keys.stream().filter(read::add).toList();
        if (!unread.isEmpty()) {
            stored.of(unread).forEach((key, content) -> {
                ids.put(key, content.id());
                contentFound.put(key, content.contentHash());
            });
        }
    }

    /**
     * Whether the record was stored with this content when the batch read it: what the batch stores itself is not
     * followed here, so ask before resolving (the resolver compares again with the row it reads).
     */
    boolean foundWithContent(RecordKey key, String contentHash) {
        return contentHash.equals(contentFound.get(key));
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
        if (ids.put(key, id) == null) {
            storedFirst++;
        }
    }

    /** How many records the batch has stored for the first time. */
    int storedFirst() {
        return storedFirst;
    }
}
