package io.atrium.hub.resolve;

import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.match.RecordHash;
import io.atrium.hub.persistence.TableRows;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stored record's hashes: its blocking keys and the standardized values the matcher weighs by frequency. A record
 * has a dozen; the new ones are not persisted as entities, one insert each, but written together at the next
 * {@link #writePending} (a COPY on PostgreSQL), which the transaction's writers call before it reads them back and
 * before it ends.
 */
@ApplicationScoped
public class RecordHashes {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @Inject
    PendingRecordHashes pending;

    /** The stored hashes of these records, by record id (a record with none is left out). */
    public Map<Long, List<RecordHash>> of(Collection<Long> recordIds) {
        writePending();
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
     * Keeps the record's hashes equal to those of its standardized form: adds the new (pending until
     * {@link #writePending}), removes the gone (managed entities, so that a record updated twice in one transaction,
     * a batch, sees its own first update), leaves the rest (an update usually changes few).
     *
     * @param existing the record's stored hashes ({@link #of}); none for a record stored for the first time
     * @return the record's blocking-key hashes now
     */
    public List<Long> replace(SourceRecord stored, List<RecordHash> existing, StandardizedRecord standardized) {
        Map<Long, Short> wanted = of(standardized);
        List<Long> blockingKeys = wanted.entrySet().stream()
                .filter(hash -> hash.getValue() == RecordHash.BLOCKING_KEY).map(Map.Entry::getKey).toList();
        List<RecordHash> added = new ArrayList<>(wanted.size());
        for (RecordHash old : existing) {
            Short field = wanted.remove(old.getHash());
            if (field == null || field != old.getField()) {
                em.remove(old);
                if (field != null) {
                    // the same hash with another field: the delete goes first (a table created before its key
                    // included the field keys its rows by record and hash)
                    em.flush();
                    added.add(new RecordHash(stored.getId(), old.getHash(), field));
                }
            }
        }
        wanted.forEach((hash, field) -> added.add(new RecordHash(stored.getId(), hash, field)));
        pending.addAll(added);
        return blockingKeys;
    }

    /** Writes the hashes {@link #replace} left pending in this transaction. */
    public void writePending() {
        List<RecordHash> rows = pending.take();
        if (rows.isEmpty()) {
            return;
        }
        // the transaction's own connection: the datasource gives the one it has enlisted
        try (Connection db = dataSource.getConnection();
             TableRows out = TableRows.of(db, "record_hash", "source_record_id", "hash", "field")) {
            for (RecordHash row : rows) {
                out.row(row.getSourceRecordId(), row.getHash(), row.getField());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + rows.size() + " record hashes failed", e);
        }
    }
}
