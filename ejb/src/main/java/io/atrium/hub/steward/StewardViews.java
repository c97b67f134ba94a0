package io.atrium.hub.steward;

import io.atrium.client.Explanation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the steward API shows. */
public final class StewardViews {

    private StewardViews() {
    }

    /** A source record as a steward compares it: its standardized values and its customer. */
    public record RecordSummary(long recordId, String source, String sourceId, String customerId, String kind,
                                String name, String gender, LocalDate birthDate, String idType, String idNumber,
                                List<String> phones, List<String> emails, String address) {
    }

    /**
     * A pair in the review band, with the matcher's evidence: as the line it stored (fields, levels, weights, total)
     * and per field ({@code fieldEvidence}, read back from that line), for a steward's screen to draw. The queue is in
     * {@code priority} order; the matcher decided by {@code score}. {@code reason} says why a pair the matcher decided
     * MERGE waits for a steward (a surname-only caller between two customers who cannot be one person), null for a
     * pair of the review band.
     */
    public record ReviewPair(long linkId, double score, double priority, boolean conflict, String reason, String evidence,
                             List<Explanation.FieldEvidence> fieldEvidence, Instant scoredAt,
                             RecordSummary left, RecordSummary right) {
    }

    public record RecordRef(long recordId, String source, String sourceId) {
    }

    /** A customer and its source records at one moment. */
    public record CustomerState(String customerId, List<RecordRef> records) {
    }

    /** One entry of the audit trail. */
    public record ActionView(long id, String type, String actor, Instant actedAt, String reason, Long linkId,
                             RecordRef record, boolean block, Long undoes, Long undoneBy,
                             List<CustomerState> before, List<CustomerState> after) {
    }
}
