package io.atrium.hub.resolve;

import io.atrium.hub.customer.SourceRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.StandardizedRecordJson;
import io.atrium.resolution.standardize.Standardizer;

/** A stored record as the matcher reads it. */
public final class StandardizedRecords {

    private StandardizedRecords() {
    }

    /** The stored standardized form; rows stored before it was kept are standardized from their payload. */
    public static StandardizedRecord of(SourceRecord row) {
        return of(row.getStandardized(), row.getPayload());
    }

    /** {@link #of(SourceRecord)} of a row read as values. */
    public static StandardizedRecord of(String standardized, String payload) {
        return standardized != null
                ? StandardizedRecordJson.read(standardized)
                : Standardizer.standardize(PartyRecordJson.read(payload));
    }
}
