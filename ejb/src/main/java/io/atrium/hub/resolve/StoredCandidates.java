package io.atrium.hub.resolve;

import io.atrium.hub.match.RecordHash;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.CandidateSource;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hub's {@link CandidateSource}: stored records found through their blocking-key hashes, read in
 * their stored standardized form. Reads only what matching needs (id, customer, standardized form),
 * never as managed entities: a record can have hundreds of candidates, and managed ones would be
 * dirty-checked at every flush of the transaction. Remembers each candidate's id and customer so the
 * caller can link to it.
 * <p>
 * Keys are read once per transaction into the batch's {@link CandidateIndex} (a batch reads all its
 * records' keys in one statement, {@link #read}); a record then finds its candidates there. Read
 * {@code again}, the candidates' customers and forms are read anew by id (one statement): what other
 * transactions committed under locks taken since.
 * <p>
 * The read is capped: the keys were chosen because the frequency snapshot counted their blocks as small,
 * but a block may have grown since the snapshot was taken, and one record must never read a hundred
 * thousand rows.
 */
final class StoredCandidates implements CandidateSource {

    /** A candidate's row: what linking to it needs. */
    record Row(long id, String customerId) {
    }

    /** Candidates read per usable key at most, as a multiple of the largest block matching uses. */
    private static final int GROWTH_ALLOWED = 2;

    /** Key hashes per statement: well under the drivers' bind limits, and few statement shapes (padding). */
    private static final int KEYS_PER_STATEMENT = 1024;

    private final EntityManager em;
    private final StandardizedForms forms;
    private final CandidateIndex index;
    private final int maxBlockSize;
    private final boolean again;
    private final Map<RecordKey, Row> found = new HashMap<>();

    StoredCandidates(EntityManager em, StandardizedForms forms, CandidateIndex index, int maxBlockSize, boolean again) {
        this.em = em;
        this.forms = forms;
        this.index = index;
        this.maxBlockSize = maxBlockSize;
        this.again = again;
    }

    /** Reads the stored records under those of these key hashes the transaction has not read yet. */
    static void read(EntityManager em, StandardizedForms forms, CandidateIndex index, Collection<Long> keys,
                     int maxBlockSize) {
        List<Long> missing = new ArrayList<>(index.notLoaded(keys));
        for (int from = 0; from < missing.size(); from += KEYS_PER_STATEMENT) {
            List<Long> chunk = missing.subList(from, Math.min(missing.size(), from + KEYS_PER_STATEMENT));
            // records stored before standardized forms were kept have no hashes either, so never show up here
            List<Object[]> rows = em.createQuery("select h.hash, r.id, r.customerId, r.standardized from RecordHash h, SourceRecord r "
                            + "where r.id = h.sourceRecordId and h.hash in :hashes and h.field = :blocking", Object[].class)
                    .setParameter("hashes", chunk)
                    .setParameter("blocking", RecordHash.BLOCKING_KEY)
                    .setMaxResults(chunk.size() * maxBlockSize * GROWTH_ALLOWED)
                    .getResultList();
            for (Object[] row : rows) {
                index.add((Long) row[0], (Long) row[1], (String) row[2], forms.of((String) row[3]));
            }
            index.loaded(chunk);
        }
    }

    @Override
    public Collection<StandardizedRecord> candidates(Set<BlockingKey> keys) {
        List<Long> hashes = keys.stream().map(BlockingKey::hash).toList();
        read(em, forms, index, hashes, maxBlockSize);
        int max = keys.size() * maxBlockSize * GROWTH_ALLOWED;
        List<CandidateIndex.Entry> entries = index.under(hashes, max);
        if (!entries.isEmpty() && (again || entries.stream().anyMatch(entry -> entry.customerId() == null))) {
            readAgain(entries);
            entries = index.under(hashes, max);
        }
        return entries.stream().map(entry -> {
            found.put(entry.form().key(), new Row(entry.id(), entry.customerId()));
            return entry.form();
        }).toList();
    }

    /** Reads these records' customers and forms as committed now; a record whose form changed moves in the index. */
    private void readAgain(List<CandidateIndex.Entry> entries) {
        Map<Long, CandidateIndex.Entry> byId = new HashMap<>();
        entries.forEach(entry -> byId.put(entry.id(), entry));
        Set<Long> gone = new HashSet<>(byId.keySet());
        for (Object[] row : em.createQuery("select r.id, r.customerId, r.standardized from SourceRecord r where r.id in :ids", Object[].class)
                .setParameter("ids", byId.keySet())
                .getResultList()) {
            long id = (Long) row[0];
            gone.remove(id);
            StandardizedRecord form = row[2] == null ? null : forms.of((String) row[2]);
            if (form == byId.get(id).form()) {
                index.customerIs(id, (String) row[1]);
            } else if (form == null) {
                index.removed(id);
            } else {
                index.stored(id, (String) row[1], form, RecordHashes.blockingKeys(form));
            }
        }
        gone.forEach(index::removed);
    }

    Row row(RecordKey key) {
        return found.get(key);
    }
}
