package io.atrium.hub.resolve;

import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.match.RecordHash;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A stored record's hashes: its blocking keys and the standardized values the matcher weighs by frequency. */
@ApplicationScoped
public class RecordHashes {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** The stored hashes of these records, by record id (a record with none is left out). */
    public Map<Long, List<RecordHash>> of(Collection<Long> recordIds) {
        return em.createQuery("select h from RecordHash h where h.sourceRecordId in :ids", RecordHash.class)
                .setParameter("ids", recordIds)
                .getResultStream()
                .collect(Collectors.groupingBy(RecordHash::getSourceRecordId));
    }

    /** The hashes a record's standardized form gives, each with its field ({@link RecordHash#BLOCKING_KEY} for a blocking key). */
    public static Map<Long, Short> of(StandardizedRecord standardized) {
        Map<Long, Short> hashes = new HashMap<>();
        InMemoryFrequencies.hashes(standardized, (field, hash) ->
                hashes.put(hash, field == null ? RecordHash.BLOCKING_KEY : (short) field.ordinal()));
        return hashes;
    }

    /**
     * Keeps the record's hashes equal to those of its standardized form: adds the new, removes the
     * gone, leaves the rest (an update usually changes few). Done through managed entities, so that a
     * record updated twice in one transaction (a batch) sees its own first update.
     *
     * @param existing the record's stored hashes ({@link #of}); none for a record stored for the first time
     * @return the record's blocking-key hashes now
     */
    public List<Long> replace(SourceRecord stored, List<RecordHash> existing, StandardizedRecord standardized) {
        Map<Long, Short> wanted = of(standardized);
        List<Long> blockingKeys = wanted.entrySet().stream()
                .filter(hash -> hash.getValue() == RecordHash.BLOCKING_KEY).map(Map.Entry::getKey).toList();
        for (RecordHash old : existing) {
            Short field = wanted.remove(old.getHash());
            if (field == null || field != old.getField()) {
                em.remove(old);
                if (field != null) {
                    em.flush();
                    em.persist(new RecordHash(stored.getId(), old.getHash(), field));
                }
            }
        }
        wanted.forEach((hash, field) -> em.persist(new RecordHash(stored.getId(), hash, field)));
        return blockingKeys;
    }
}
