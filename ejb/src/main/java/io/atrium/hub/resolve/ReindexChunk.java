package io.atrium.hub.resolve;

import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.match.RecordHash;
import io.atrium.hub.quality.RecordQuality;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.StandardizedRecordJson;
import io.atrium.resolution.standardize.Standardizer;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** One chunk of a re-index, in a transaction of its own; see {@link Reindexing}. */
// Open to every caller: the hub's own routes, consumers and timers call it without a caller
// identity; users reach it only through role-checked beans.
@PermitAll
@Stateless
public class ReindexChunk {

    /** @param lastId the id of the chunk's last record; -1 when there was no record to do */
    public record Done(long lastId, int records) {
    }

    @Inject
    JpaSourceRecordRepository sourceRecords;

    @Inject
    RecordHashes recordHashes;

    /**
     * Re-standardizes the records with ids after {@code afterId}, at most {@code size}, from their stored
     * payload, and brings their hashes up to date. The rows are locked, so a record the resolver updates
     * meanwhile is either done before its update or after it, never half.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Done reindex(long afterId, int size) {
        List<SourceRecord> rows = sourceRecords.lockedAfter(afterId, size);
        Map<Long, List<RecordHash>> hashes = rows.isEmpty() ? Map.of() : recordHashes.of(rows.stream().map(SourceRecord::getId).toList());
        for (SourceRecord row : rows) {
            PartyRecord stated = PartyRecordJson.read(row.getPayload());
            StandardizedRecord standardized = Standardizer.standardize(stated);
            row.restandardize(StandardizedRecordJson.write(standardized), RecordQuality.of(stated, standardized));
            recordHashes.replace(row, hashes.getOrDefault(row.getId(), List.of()), standardized);
        }
        recordHashes.writePending();
        return new Done(rows.isEmpty() ? -1 : rows.get(rows.size() - 1).getId(), rows.size());
    }
}
