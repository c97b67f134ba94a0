package io.atrium.hub.resolve;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;

/**
 * A party record as a resolver batch takes it: standardized, and its stored text and content hash worked out once
 * (the read-ahead compares the hash with the stored record's, and so does the record's own resolving).
 *
 * @param payload     the record as stored ({@link PartyRecordJson#write})
 * @param contentHash {@link ContentHash#ofContent} of the payload
 */
public record Arrival(PartyRecord record, StandardizedRecord standardized, String payload, String contentHash) {

    public static Arrival of(PartyRecord record) {
        String payload = PartyRecordJson.write(record);
        return new Arrival(record, Standardizer.standardize(record), payload, ContentHash.ofContent(payload));
    }

    public RecordKey key() {
        return standardized.key();
    }
}
