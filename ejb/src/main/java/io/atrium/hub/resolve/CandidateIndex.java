package io.atrium.hub.resolve;

import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.transaction.TransactionScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored records under the blocking keys a resolver batch has read, by key hash, kept equal to what the
 * database holds for those keys while the batch runs: the batch's own records are added as they are stored
 * and move when they change. Only the batch's transaction can add a record under a key it read (it holds the
 * key's lock, {@link BlockingKeyLocks}), so a key read once needs no second read. Customer ids can change
 * under the batch (its own re-partitions, other transactions' merges): {@link #customersChanged} forgets them,
 * and a caller that needs one it does not know reads it again.
 */
@TransactionScoped
public class CandidateIndex implements Serializable {

    /** A stored record under a key: its id, its customer (null when not known to be current) and form. */
    record Entry(long id, String customerId, StandardizedRecord form) {
    }

    private final Set<Long> loadedKeys = new HashSet<>();
    private final Map<Long, Set<Long>> idsByKey = new HashMap<>();
    private final Map<Long, Entry> entries = new HashMap<>();
    private final Map<Long, Set<Long>> keysById = new HashMap<>();

    /** Of these key hashes, those not read yet, in ascending order. */
    Set<Long> notLoaded(Collection<Long> keys) {
        Set<Long> missing = new TreeSet<>(keys);
        missing.removeAll(loadedKeys);
        return missing;
    }

    /** Records that these keys were read: each stored record under them is given by {@link #add} alone. */
    void loaded(Collection<Long> keys) {
        loadedKeys.addAll(keys);
    }

    /** A stored record found under a key that was read. */
    void add(long key, long id, String customerId, StandardizedRecord form) {
        idsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        keysById.computeIfAbsent(id, i -> new HashSet<>()).add(key);
        entries.put(id, new Entry(id, customerId, form));
    }

    /**
     * A record stored or changed now, under all its blocking keys: it leaves the keys it no longer has and
     * joins those of its keys that were read (the others are read from the database, where it is flushed).
     */
    void stored(long id, String customerId, StandardizedRecord form, Collection<Long> keys) {
        removed(id);
        for (long key : keys) {
            if (loadedKeys.contains(key)) {
                add(key, id, customerId, form);
            }
        }
    }

    /** A record that is no longer stored (or no longer under any key read). */
    void removed(long id) {
        Set<Long> keys = keysById.remove(id);
        if (keys != null) {
            keys.forEach(key -> idsByKey.get(key).remove(id));
        }
        entries.remove(id);
    }

    /** A record's current customer, as read again. */
    void customerIs(long id, String customerId) {
        entries.computeIfPresent(id, (i, entry) -> new Entry(i, customerId, entry.form()));
    }

    /** Customers changed in ways not followed record by record (a re-partition): every customer id is forgotten. */
    void customersChanged() {
        entries.replaceAll((id, entry) -> new Entry(id, null, entry.form()));
    }

    /**
     * The records under these keys (all read), each once, at most {@code max}: keys in ascending order, records
     * in the order they were found.
     */
    List<Entry> under(Collection<Long> keys, int max) {
        Set<Long> ids = new LinkedHashSet<>();
        for (long key : new TreeSet<>(keys)) {
            ids.addAll(idsByKey.getOrDefault(key, Set.of()));
        }
        List<Entry> found = new ArrayList<>(Math.min(ids.size(), max));
        for (long id : ids) {
            if (found.size() == max) {
                break;
            }
            found.add(entries.get(id));
        }
        return found;
    }
}
