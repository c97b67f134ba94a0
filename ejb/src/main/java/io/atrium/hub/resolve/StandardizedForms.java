package io.atrium.hub.resolve;

import io.atrium.hub.customer.SourceRecord;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.StandardizedRecordJson;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored standardized forms a transaction has read, each parsed once: a resolver batch reads the same
 * stored records as candidates for many of its records, each record reads its candidates twice (before and
 * after its customer locks), and a re-partition reads them again as members. Keyed by the stored text, so a
 * form changed within the transaction is parsed anew.
 * <p>
 * Part of a transaction's {@link ResolverTransaction.State}.
 */
public class StandardizedForms implements Serializable {

    private final Map<String, StandardizedRecord> parsed = new HashMap<>();

    /** The record as the matcher reads it (see {@link StandardizedRecords#of}). */
    public StandardizedRecord of(SourceRecord row) {
        return of(row.getStandardized(), row.getPayload());
    }

    /** {@link #of(SourceRecord)} of a row read as values. */
    public StandardizedRecord of(String standardized, String payload) {
        return standardized == null ? StandardizedRecords.of(null, payload) : of(standardized);
    }

    /** A stored standardized form, as {@link StandardizedRecordJson#write} wrote it. */
    public StandardizedRecord of(String stored) {
        return parsed.computeIfAbsent(stored, StandardizedRecordJson::read);
    }

    /** {@link #of(String)} of each, in one call: a call through the transaction-scoped proxy costs a context look-up. */
    public List<StandardizedRecord> ofAll(List<String> stored) {
        List<StandardizedRecord> records = new ArrayList<>(stored.size());
        for (String form : stored) {
            records.add(of(form));
        }
        return records;
    }
}
