package io.atrium.hub.resolve;

import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.match.RecordHash;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stored record's hashes: its blocking keys and the standardized values the matcher weighs by frequency. */
@ApplicationScoped
public class RecordHashes {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /**
     * Keeps the record's hashes equal to those of its standardized form: adds the new, removes the
     * gone, leaves the rest (an update usually changes few). Done through managed entities, so that a
     * record updated twice in one transaction (a batch) sees its own first update.
     *
     * @param wasStored false for a record stored for the first time (it has no hashes yet)
     */
    public void replace(SourceRecord stored, boolean wasStored, StandardizedRecord standardized) {
        Map<Long, Short> wanted = new HashMap<>();
        InMemoryFrequencies.hashes(standardized, (field, hash) ->
                wanted.put(hash, field == null ? RecordHash.BLOCKING_KEY : (short) field.ordinal()));
        for (RecordHash existing : !wasStored ? List.<RecordHash>of() : em.createQuery("select h from RecordHash h where h.sourceRecordId = :id", RecordHash.class)
                .setParameter("id", stored.getId()).getResultList()) {
            Short field = wanted.remove(existing.getHash());
            if (field == null || field != existing.getField()) {
                em.remove(existing);
                if (field != null) {
                    em.flush();
                    em.persist(new RecordHash(stored.getId(), existing.getHash(), field));
                }
            }
        }
        wanted.forEach((hash, field) -> em.persist(new RecordHash(stored.getId(), hash, field)));
    }
}
