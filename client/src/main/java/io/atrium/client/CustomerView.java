package io.atrium.client;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The unified view of one customer. A merged-away customer answers with status MERGED and
 * the id of the customer it was merged into. {@code golden} holds the best value of each field;
 * {@code phones} and {@code emails} every distinct one, best first. {@code timeline} is the first page of
 * the customer's facts (newest first, at most {@link #TIMELINE_FIRST_PAGE}), {@code timelineNext} the cursor
 * of the next page (null when that was all); {@code roles} and {@code summary} are computed over all of them.
 */
public record CustomerView(String id, CustomerStatus status, String mergedInto, String kind,
                           Map<String, GoldenValue> golden, List<GoldenValue> phones, List<GoldenValue> emails,
                           List<SourceRecordRef> sourceRecords,
                           List<FactView> timeline, Instant createdAt, Instant updatedAt,
                           String timelineNext, List<CustomerRole> roles, ProfileSummary summary) implements Serializable {

    /** Facts in the view itself; the rest are read page by page through the timeline call. */
    public static final int TIMELINE_FIRST_PAGE = 20;

    /** A golden field with its lineage. */
    public record GoldenValue(String value, String source, String sourceId) implements Serializable {
    }

    /** A business fact of one of the customer's source records; the timeline is newest first. */
    public record FactView(String type, String source, String factId, String sourceId, Instant occurredAt,
                           Instant updatedAt, Map<String, Object> data) implements Serializable {
    }

    public record SourceRecordRef(String source, String sourceId, Instant updatedAt) implements Serializable {
    }
}
