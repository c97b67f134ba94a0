package io.atrium.hub.load;

import io.atrium.hub.customer.ChangeType;
import io.atrium.hub.customer.Customer;
import io.atrium.hub.customer.CustomerEvent;
import io.atrium.hub.customer.GoldenField;
import io.atrium.hub.match.MatchLink;
import io.atrium.hub.persistence.IdBlocks;
import io.atrium.hub.persistence.TableRows;
import io.atrium.hub.quality.RecordQuality;
import io.atrium.hub.resolve.ContentHash;
import io.atrium.hub.resolve.GoldenRecords;
import io.atrium.hub.resolve.RecordHashes;
import io.atrium.resolution.cluster.ClusterPartitioner;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.ReviewPriority;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.resolve.Clustering;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.StandardizedRecordJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes a resolved load into the hub's tables on one connection, in its transaction (the caller commits or
 * rolls back), with the row contents the incremental resolver gives: a record's canonical JSON, content hash,
 * standardized form, quality columns and hashes ({@link ContentHash}, {@link RecordQuality}, {@link RecordHashes});
 * a customer per cluster with its golden values ({@link GoldenRecords#build}); the MERGE and REVIEW pairs not in
 * conflict as match links ({@link MatchLink}); and a {@code CUSTOMER_CREATED} change per customer, caused by its
 * first record, at the next positions of the changes feed (taken last, under the feed clock's lock, as
 * {@code ChangeEvents.announce} takes them).
 */
final class HubTables {

    private static final int STEPS = 6;
    private static final int CHUNK = 10_000;

    private final Connection db;
    private final GoldenRecords goldenRecords;
    private final LoadProgress progress;

    HubTables(Connection db, GoldenRecords goldenRecords, LoadProgress progress) {
        this.db = db;
        this.goldenRecords = goldenRecords;
        this.progress = progress;
    }

    /** @param frequencies those the load was resolved with, to score review pairs' priorities with */
    void write(List<LoadFile.Loaded> records, Clustering clustering, ReviewPriority priority, ValueFrequencies frequencies)
            throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<RecordKey, Integer> index = new HashMap<>(records.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            index.put(records.get(i).standardized().key(), i);
        }
        List<List<RecordKey>> clusters = clustering.clusters();
        Customer[] customers = new Customer[clusters.size()];
        int[] clusterOf = new int[records.size()];
        for (int c = 0; c < customers.length; c++) {
            customers[c] = Customer.create(records.get(index.get(clusters.get(c).get(0))).standardized().kind(), now);
            for (RecordKey key : clusters.get(c)) {
                clusterOf[index.get(key)] = c;
            }
        }
        long[] recordIds = new IdBlocks(db, "source_record_seq", IdBlocks.BLOCKS_FOR_A_LOAD).take(records.size());
        goldenValues(records, index, clusters, customers);
        customers(customers);
        sourceRecords(records, recordIds, customers, clusterOf, now);
        recordHashes(records, recordIds);
        matchLinks(records, clustering, index, recordIds, priority, frequencies, now);
        changes(records, index, clusters, customers, now);
    }

    private void sourceRecords(List<LoadFile.Loaded> records, long[] ids, Customer[] customers, int[] clusterOf, Instant now)
            throws SQLException {
        try (TableRows rows = TableRows.of(db, "source_record", "id", "source", "source_id", "customer_id",
                "record_updated_at", "received_at", "content_hash", "payload", "standardized", "quality_person",
                "quality_name_hash", "quality_birth_date", "quality_gender", "quality_email", "quality_valid_phones",
                "quality_invalid_phones", "quality_id")) {
            for (int from = 0; from < records.size(); from += CHUNK) {
                int to = Math.min(records.size(), from + CHUNK);
                int base = from;
                String[] standardized = new String[to - from];
                String[] hashes = new String[to - from];
                RecordQuality[] quality = new RecordQuality[to - from];
                IntStream.range(from, to).parallel().forEach(i -> {
                    LoadFile.Loaded loaded = records.get(i);
                    standardized[i - base] = StandardizedRecordJson.write(loaded.standardized());
                    hashes[i - base] = ContentHash.ofContent(loaded.payload());
                    quality[i - base] = RecordQuality.of(loaded.record(), loaded.standardized());
                });
                for (int i = from; i < to; i++) {
                    LoadFile.Loaded loaded = records.get(i);
                    RecordQuality q = quality[i - from];
                    rows.row(ids[i], loaded.record().getSource(), loaded.record().getSourceId(), customers[clusterOf[i]].getId(),
                            loaded.record().getUpdatedAt(), now, hashes[i - from], loaded.payload(), standardized[i - from],
                            q.person(), q.nameHash(), q.birthDate(), q.gender(), q.email(), (short) q.validPhones(),
                            (short) q.invalidPhones(), q.idNumber());
                }
                step(2, (double) to / records.size());
            }
        }
    }

    /** A chunk of customers at a time: their golden values built on every core, ids drawn, then written. */
    private void goldenValues(List<LoadFile.Loaded> records, Map<RecordKey, Integer> index, List<List<RecordKey>> clusters,
                              Customer[] customers) throws SQLException {
        IdBlocks idBlocks = new IdBlocks(db, "golden_value_seq", IdBlocks.BLOCKS_FOR_A_LOAD);
        for (int from = 0; from < clusters.size(); from += CHUNK) {
            int to = Math.min(clusters.size(), from + CHUNK);
            List<GoldenField> fields = IntStream.range(from, to).parallel()
                    .mapToObj(c -> goldenRecords.build(customers[c],
                            clusters.get(c).stream().map(key -> records.get(index.get(key)).standardized()).toList(),
                            key -> records.get(index.get(key)).record().getName()))
                    .flatMap(List::stream)
                    .toList();
            GoldenRecords.insert(db, idBlocks.take(fields.size()), fields);
            step(0, (double) to / clusters.size());
        }
    }

    private void customers(Customer[] customers) throws SQLException {
        try (TableRows rows = TableRows.of(db, "customer", "id", "status", "merged_into", "kind", "created_at",
                "updated_at", "version")) {
            for (Customer customer : customers) {
                rows.row(customer.getId(), customer.getStatus(), customer.getMergedInto(), customer.getKind(),
                        customer.getCreatedAt(), customer.getUpdatedAt(), customer.getVersion());
            }
        }
        step(1, 1);
    }

    private void recordHashes(List<LoadFile.Loaded> records, long[] recordIds) throws SQLException {
        try (TableRows rows = TableRows.of(db, "record_hash", "source_record_id", "hash", "field")) {
            for (int i = 0; i < records.size(); i++) {
                for (Map.Entry<Long, Short> hash : RecordHashes.of(records.get(i).standardized()).entrySet()) {
                    rows.row(recordIds[i], hash.getKey(), hash.getValue());
                }
                if (i % CHUNK == 0) {
                    step(3, (double) i / records.size());
                }
            }
        }
    }

    /** As the resolver keeps them: MERGE and REVIEW pairs, none in conflict (no steward could merge it). */
    private void matchLinks(List<LoadFile.Loaded> records, Clustering clustering, Map<RecordKey, Integer> index,
                            long[] recordIds, ReviewPriority priority, ValueFrequencies frequencies, Instant now)
            throws SQLException {
        Map<MatchResult, Double> heldBackPriorities = clustering.heldBackPriorities();
        List<MatchLink> links = Stream.concat(clustering.mergeLinks().stream(), clustering.reviewLinks().stream())
                .filter(result -> result.decision() != Decision.NO_MATCH && !result.conflict())
                .map(result -> {
                    int left = index.get(result.left());
                    int right = index.get(result.right());
                    MatchLink link = new MatchLink(recordIds[left], recordIds[right], result.score(),
                            priority.of(result, records.get(left).standardized(), records.get(right).standardized(), frequencies),
                            result.decision(), result.conflict(), result.explain(), now);
                    link.awaitSteward(clustering.heldBack(result).map(ClusterPartitioner.HeldBack::reason),
                            heldBackPriorities.getOrDefault(result, result.score()));
                    return link;
                })
                .toList();
        long[] ids = new IdBlocks(db, "match_link_seq", IdBlocks.BLOCKS_FOR_A_LOAD).take(links.size());
        try (TableRows rows = TableRows.of(db, "match_link", "id", "left_record_id", "right_record_id", "score", "priority",
                "decision", "conflict", "explanation", "review_state", "review_reason", "suppressed_by", "scored_at")) {
            for (int i = 0; i < ids.length; i++) {
                MatchLink link = links.get(i);
                rows.row(ids[i], link.getLeftRecordId(), link.getRightRecordId(), link.getScore(), link.getPriority(), link.getDecision(),
                        link.isConflict(), link.getExplanation(), link.getReviewState(), link.getReviewReason(), link.getSuppressedBy(),
                        link.getScoredAt());
            }
        }
        step(4, 1);
    }

    private void changes(List<LoadFile.Loaded> records, Map<RecordKey, Integer> index, List<List<RecordKey>> clusters,
                         Customer[] customers, Instant now) throws SQLException {
        long[] ids = new IdBlocks(db, "customer_event_seq", IdBlocks.BLOCKS_FOR_A_LOAD).take(customers.length);
        long position;
        try (Statement statement = db.createStatement();
             ResultSet clock = statement.executeQuery("select last_position from change_feed_clock where id = 1 for update")) {
            if (!clock.next()) {
                throw new IllegalStateException("change_feed_clock has no row: FeedClockStart writes it when the hub starts");
            }
            position = clock.getLong(1);
        }
        try (TableRows rows = TableRows.of(db, "customer_event", "id", "customer_id", "type", "occurred_at",
                "related_customer_id", "related_customer_ids", "feed_position", "source", "source_id")) {
            for (int c = 0; c < customers.length; c++) {
                RecordKey cause = records.get(index.get(clusters.get(c).get(0))).standardized().key();
                CustomerEvent event = new CustomerEvent(customers[c].getId(), ChangeType.CUSTOMER_CREATED, now, List.of(),
                        cause.source(), cause.sourceId(), ++position);
                rows.row(ids[c], event.getCustomerId(), event.getType(), event.getOccurredAt(),
                        event.getRelatedCustomerId(), String.join(",", event.getRelatedCustomerIds()),
                        event.getFeedPosition(), event.getSource(), event.getSourceId());
            }
        }
        try (PreparedStatement advance = db.prepareStatement("update change_feed_clock set last_position = ? where id = 1")) {
            advance.setLong(1, position);
            advance.executeUpdate();
        }
        step(5, 1);
    }

    private void step(int step, double done) {
        progress.phaseDone((step + done) / STEPS);
    }
}
