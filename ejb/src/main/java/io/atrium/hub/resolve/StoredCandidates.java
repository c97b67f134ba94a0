package io.atrium.hub.resolve;

import io.atrium.hub.customer.StoredForm;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's candidates in one round: stored records found through their blocking-key hashes ({@link BatchCandidates}),
 * read in their stored standardized form. Only what matching needs (id, customer, standardized form), never managed
 * entities: a record can have hundreds of candidates, and managed ones would be dirty-checked at every flush of the
 * transaction. Remembers each candidate's id and customer so the caller can link to it.
 */
final class StoredCandidates {

    /** A candidate's row: what linking to it needs (its form: to score the link's review priority). */
    record Row(long id, String customerId, StandardizedRecord form) {
    }

    private final StandardizedForms forms;
    private final Map<RecordKey, Row> found = new HashMap<>();

    StoredCandidates(StandardizedForms forms) {
        this.forms = forms;
    }

    /** Takes these rows as the candidates (records stored before standardized forms were kept have no hashes, so are never among them). */
    Collection<StandardizedRecord> of(List<StoredForm> rows) {
        List<StandardizedRecord> records = forms.ofAll(rows.stream().map(StoredForm::standardized).toList());
        for (int i = 0; i < records.size(); i++) {
            StoredForm row = rows.get(i);
            found.put(records.get(i).key(), new Row(row.id(), row.customerId(), records.get(i)));
        }
        return records;
    }

    Row row(RecordKey key) {
        return found.get(key);
    }
}
