package io.atrium.client;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Why records are, or are not, one customer: the matcher's evidence and the stewards' decisions, structured. */
public final class Explanation {

    private Explanation() {
    }

    /** One field's contribution to a pair's score: its comparison level and log2 weight (positive for, negative against). */
    public record FieldEvidence(String field, String level, double weight, boolean frequencyAdjusted) implements Serializable {
    }

    /** A steward's decision on a pair or a record: accept, reject, split; who, when and why. */
    public record StewardDecision(long actionId, String type, String actor, Instant actedAt, String reason) implements Serializable {
    }

    /**
     * A stored link between two records, as the matcher decided it when it last scored the pair:
     * evidence (weights rounded to tenths as stored), total, decision (MERGE, REVIEW), and the review's state
     * and steward decision when there was one.
     */
    public record Link(long linkId, SourceKey other, List<FieldEvidence> evidence, double total, String decision,
                       boolean conflict, String reviewState, StewardDecision stewardDecision, Instant scoredAt) implements Serializable {
    }

    /** One record of a customer and the links to other records of that customer that hold it there (none: alone). */
    public record Membership(SourceKey record, List<Link> heldBy) implements Serializable {
    }

    /** Why each record of a customer belongs to it; {@code customerId} is the survivor when a merged-away id was asked. */
    public record Customer(String customerId, List<Membership> records) implements Serializable {
    }

    /**
     * A constraint that keeps two records apart: CONFLICT (the pair itself can never be one party),
     * CLUSTER_CONFLICT (a record of one's customer conflicts with a record of the other's), REJECTED
     * (a steward rejected the pair), BLOCK (a steward's split blocked re-merging), SPLIT (a split suppressed
     * their link), NOT_COMPARED (no usable blocking key pairs them), BELOW_THRESHOLD (their score).
     */
    public record Constraint(String kind, String detail, SourceKey left, SourceKey right, StewardDecision decision) implements Serializable {
    }

    /** A blocking key both records have, and whether it is rare enough for the matcher to use it. */
    public record SharedKey(String rule, long blockSize, boolean usable) implements Serializable {
    }

    /**
     * Two records compared now: the engine's comparators on their standardized records with the current
     * frequencies (evidence, total, decision against the thresholds), the blocking keys they share, the link
     * stored for them (null when none), their customers, and what keeps them apart (empty when nothing does).
     */
    public record Pair(SourceKey a, SourceKey b, String customerA, String customerB, boolean sameCustomer,
                       List<FieldEvidence> evidence, double total, String decision, boolean conflict,
                       double mergeThreshold, double reviewThreshold, List<SharedKey> sharedKeys, Link storedLink,
                       List<Constraint> apart) implements Serializable {
    }
}
