package io.atrium.hub.resolve;

import io.atrium.hub.customer.StoredForm;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stored records under a resolver batch's usable blocking keys, read for the whole batch at once (two statements,
 * each with one array parameter) right after its keys are locked, instead of a query per record and round. Exact for
 * the transaction: the batch holds the lock of every key read here ({@link BlockingKeyLocks}), so no other transaction
 * adds a record under one of them meanwhile, and what the batch stores itself is added as it is stored.
 * <p>
 * What another transaction can still change is a stored record's customer (a re-partition reaching it through another
 * key) and, by updating the record, its form. So a record's first round of candidates ({@link #under}) comes from
 * here, but a round after customer locks ({@link #underAsCommitted}) reads the rows of the candidates it links to
 * again by id, as committed now, and falls back to the query per record if one of them changed its form or went: its
 * keys may have changed with it. The others keep the rows read here: another transaction can update one only away
 * from the batch's keys (a version under one of them waits for the batch), so it is no candidate any more, and
 * scored apart from its former form it links nothing. Keys not read here (a frequency snapshot taken since the batch began makes none usable that was not)
 * are read by the query per record.
 * <p>
 * Part of a transaction's {@link ResolverTransaction.State}.
 */
public class BatchCandidates implements Serializable {

    /** The statements the index is read with. */
    interface Reads {
        /** Blocking-key hash to the ids of the records stored under it (those under none are left out). */
        Map<Long, List<Long>> idsUnder(Collection<Long> hashes);

        /** The rows of these records (those that exist). */
        List<StoredForm> withIds(Collection<Long> ids);

        /** The query per record: the records under any of these hashes, at most {@code max}. */
        List<StoredForm> under(Collection<Long> hashes, int max);
    }

    private final Set<Long> read = new HashSet<>();
    private final Map<Long, Set<Long>> idsByHash = new HashMap<>();
    private final Map<Long, Set<Long>> hashesById = new HashMap<>();
    private final Map<Long, StoredForm> rows = new HashMap<>();

    /**
     * Reads the records under these blocking-key hashes, at most {@code maxPerKey} a key (the query per record caps
     * what a record reads the same way: a block may have grown since the frequency snapshot found it small).
     */
    void read(Collection<Long> hashes, int maxPerKey, Reads reads) {
        List<Long> unread = hashes.stream().filter(read::add).toList();
        if (unread.isEmpty()) {
            return;
        }
        Map<Long, List<Long>> under = reads.idsUnder(unread);
        Set<Long> ids = new HashSet<>();
        under.values().forEach(found -> ids.addAll(found.subList(0, Math.min(found.size(), maxPerKey))));
        ids.removeAll(rows.keySet());
        if (!ids.isEmpty()) {
            reads.withIds(ids).forEach(row -> rows.put(row.id(), row));
        }
        for (long hash : unread) {
            Set<Long> found = idsByHash.computeIfAbsent(hash, h -> new LinkedHashSet<>());
            List<Long> stored = under.getOrDefault(hash, List.of());
            for (Long id : stored.subList(0, Math.min(stored.size(), maxPerKey))) {
                // a record gone between the two statements is under no key
                if (rows.containsKey(id)) {
                    found.add(id);
                    hashesById.computeIfAbsent(id, i -> new HashSet<>()).add(hash);
                }
            }
        }
    }

    /** The records under any of these hashes, at most {@code max}, as the batch found or stored them. */
    List<StoredForm> under(Collection<Long> hashes, int max, Reads reads) {
        if (!read.containsAll(hashes)) {
            return reads.under(hashes, max);
        }
        return indexed(hashes, max);
    }

    /**
     * The same records, those among {@code linked} as committed now (after the customer locks: their customers may have
     * changed).
     *
     * @param linked the records the last round linked to (scored MERGE or REVIEW)
     */
    List<StoredForm> underAsCommitted(Collection<Long> hashes, int max, Set<Long> linked, Reads reads) {
        if (!read.containsAll(hashes)) {
            return reads.under(hashes, max);
        }
        List<StoredForm> indexed = indexed(hashes, max);
        List<Long> reread = indexed.stream().map(StoredForm::id).filter(linked::contains).toList();
        if (reread.isEmpty()) {
            return indexed;
        }
        Map<Long, StoredForm> now = new HashMap<>();
        reads.withIds(reread).forEach(row -> now.put(row.id(), row));
        List<StoredForm> current = new ArrayList<>(indexed.size());
        for (StoredForm row : indexed) {
            if (!linked.contains(row.id())) {
                current.add(row);
                continue;
            }
            StoredForm committed = now.get(row.id());
            if (committed == null || !Objects.equals(committed.standardized(), row.standardized())) {
                // another transaction updated it: its keys may differ too
                return reads.under(hashes, max);
            }
            // the form read before, the same instance: StandardizedForms finds its parse without comparing the text again
            current.add(new StoredForm(row.id(), committed.customerId(), row.standardized()));
        }
        current.forEach(row -> rows.put(row.id(), row));
        return current;
    }

    /** The batch has stored this record (new, or a new version): from now on it is under these hashes only. */
    void stored(long id, String customerId, String standardized, Collection<Long> blockingHashes) {
        for (long former : hashesById.getOrDefault(id, Set.of())) {
            idsByHash.get(former).remove(id);
        }
        Set<Long> under = new HashSet<>();
        for (long hash : blockingHashes) {
            if (read.contains(hash)) {
                idsByHash.get(hash).add(id);
                under.add(hash);
            }
        }
        hashesById.put(id, under);
        rows.put(id, new StoredForm(id, customerId, standardized));
    }

    private List<StoredForm> indexed(Collection<Long> hashes, int max) {
        Set<Long> ids = new LinkedHashSet<>();
        for (long hash : hashes) {
            ids.addAll(idsByHash.get(hash));
        }
        return ids.stream().limit(max).map(rows::get).toList();
    }
}
