package io.atrium.hub.resolve;

import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.match.RecordHash;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.CandidateSource;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hub's {@link CandidateSource}: stored records found through their blocking-key hashes, read in
 * their stored standardized form. Remembers each candidate's row so the caller can link to it.
 */
final class StoredCandidates implements CandidateSource {

    private final EntityManager em;
    private final Map<RecordKey, SourceRecord> found = new HashMap<>();

    StoredCandidates(EntityManager em) {
        this.em = em;
    }

    @Override
    public Collection<StandardizedRecord> candidates(Set<BlockingKey> keys) {
        List<Long> hashes = keys.stream().map(BlockingKey::hash).toList();
        List<SourceRecord> rows = em.createQuery("select r from SourceRecord r where r.id in "
                        + "(select h.sourceRecordId from RecordHash h where h.hash in :hashes and h.field = :blocking)", SourceRecord.class)
                .setParameter("hashes", hashes)
                .setParameter("blocking", RecordHash.BLOCKING_KEY)
                .getResultList();
        return rows.stream().map(row -> {
            StandardizedRecord record = StandardizedRecords.of(row);
            found.put(record.key(), row);
            return record;
        }).toList();
    }

    SourceRecord row(RecordKey key) {
        return found.get(key);
    }
}
