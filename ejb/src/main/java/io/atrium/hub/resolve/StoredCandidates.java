package io.atrium.hub.resolve;

import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.customer.StoredForm;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.CandidateSource;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hub's {@link CandidateSource}: stored records found through their blocking-key hashes, read in
 * their stored standardized form. Reads only what matching needs (id, customer, standardized form),
 * never as managed entities: a record can have hundreds of candidates, and managed ones would be
 * dirty-checked at every flush of the transaction. Remembers each candidate's id and customer so the
 * caller can link to it. The read is capped: the keys were chosen because the frequency snapshot
 * counted their blocks as small, but a block may have grown since the snapshot was taken, and one
 * record must never read a hundred thousand rows.
 */
final class StoredCandidates implements CandidateSource {

    /** A candidate's row: what linking to it needs (its form: to score the link's review priority). */
    record Row(long id, String customerId, StandardizedRecord form) {
    }

    /** Candidates read per usable key at most, as a multiple of the largest block matching uses. */
    private static final int GROWTH_ALLOWED = 2;

    private final JpaSourceRecordRepository sourceRecords;
    private final StandardizedForms forms;
    private final int maxBlockSize;
    private final Map<RecordKey, Row> found = new HashMap<>();

    StoredCandidates(JpaSourceRecordRepository sourceRecords, StandardizedForms forms, int maxBlockSize) {
        this.sourceRecords = sourceRecords;
        this.forms = forms;
        this.maxBlockSize = maxBlockSize;
    }

    @Override
    public Collection<StandardizedRecord> candidates(Set<BlockingKey> keys) {
        List<Long> hashes = keys.stream().map(BlockingKey::hash).toList();
        // records stored before standardized forms were kept have no hashes either, so never show up here
        List<StoredForm> rows = sourceRecords.formsWithBlockingKeys(hashes, keys.size() * maxBlockSize * GROWTH_ALLOWED);
        return rows.stream().map(row -> {
            StandardizedRecord record = forms.of(row.standardized());
            found.put(record.key(), new Row(row.id(), row.customerId(), record));
            return record;
        }).toList();
    }

    Row row(RecordKey key) {
        return found.get(key);
    }
}
