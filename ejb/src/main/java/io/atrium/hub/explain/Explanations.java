package io.atrium.hub.explain;

import io.atrium.client.Explanation;
import io.atrium.client.InvalidQueryException;
import io.atrium.client.SourceKey;
import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.match.CannotLink;
import io.atrium.hub.match.MatchLink;
import io.atrium.hub.match.ReviewState;
import io.atrium.hub.resolve.FrequencySnapshot;
import io.atrium.hub.resolve.MatchEngine;
import io.atrium.hub.resolve.StandardizedRecords;
import io.atrium.hub.steward.StewardAction;
import io.atrium.hub.steward.StewardActionType;
import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why records are one customer, and why two records are not: the links that hold each record with the
 * evidence they were decided on and the stewards' decisions; for any two records, the engine's score now
 * and every constraint that keeps them apart. Personal values never appear: fields, levels and weights only.
 */
@ApplicationScoped
public class Explanations {

    /** Customers larger than this are not searched pair by pair for a conflict between them. */
    static final int CLUSTER_CONFLICT_SEARCH_LIMIT = 200;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    @Inject
    MatchEngine engine;

    @Inject
    FrequencySnapshot frequencies;

    /** Each record of the customer with the links to its fellow records that hold it there. */
    public Explanation.Customer why(String customerId) {
        Map<Long, SourceRecord> records = sourceRecords.ofCustomer(customerId).stream()
                .collect(Collectors.toMap(SourceRecord::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<MatchLink> holding = records.isEmpty() ? List.of() : em.createQuery("select l from MatchLink l "
                        + "where l.leftRecordId in :ids and l.rightRecordId in :ids order by l.score desc, l.id", MatchLink.class)
                .setParameter("ids", records.keySet())
                .getResultStream().filter(MatchLink::links).toList();
        Map<Long, StewardAction> decisions = reviewDecisions(holding.stream().map(MatchLink::getId).toList());
        List<Explanation.Membership> memberships = records.values().stream()
                .map(record -> new Explanation.Membership(key(record), holding.stream()
                        .filter(l -> l.getLeftRecordId() == record.getId() || l.getRightRecordId() == record.getId())
                        .map(l -> link(l, key(records.get(l.other(record.getId()))), decisions.get(l.getId())))
                        .toList()))
                .toList();
        return new Explanation.Customer(customerId, memberships);
    }

    /** The two records compared now, or null when either is unknown. */
    public Explanation.Pair explain(SourceKey a, SourceKey b) {
        if (a.equals(b)) {
            throw new InvalidQueryException("a and b name the same record: give two records");
        }
        SourceRecord left = record(a);
        SourceRecord right = record(b);
        if (left == null || right == null) {
            return null;
        }
        StandardizedRecord standardizedLeft = StandardizedRecords.of(left);
        StandardizedRecord standardizedRight = StandardizedRecords.of(right);
        ValueFrequencies now = frequencies.current();
        MatchResult result = engine.scorer().score(standardizedLeft, standardizedRight, now);
        Set<BlockingKey> usable = engine.resolver().usableKeys(standardizedLeft, now);
        List<Explanation.SharedKey> shared = Blocker.keys(standardizedLeft).stream()
                .filter(Blocker.keys(standardizedRight)::contains)
                .map(key -> new Explanation.SharedKey(key.rule().name(), now.blockSize(key), usable.contains(key)))
                .toList();
        MatchLink stored = em.createQuery("select l from MatchLink l where (l.leftRecordId = :a and l.rightRecordId = :b) "
                        + "or (l.leftRecordId = :b and l.rightRecordId = :a)", MatchLink.class)
                .setParameter("a", left.getId()).setParameter("b", right.getId())
                .getResultStream().findFirst().orElse(null);
        Explanation.Link storedLink = stored == null ? null
                : link(stored, b, reviewDecisions(List.of(stored.getId())).get(stored.getId()));
        boolean sameCustomer = left.getCustomerId().equals(right.getCustomerId());
        List<Explanation.Constraint> apart = sameCustomer ? List.of()
                : constraintsApart(a, b, left, right, result, shared, stored, storedLink);
        return new Explanation.Pair(a, b, left.getCustomerId(), right.getCustomerId(), sameCustomer,
                StoredEvidence.of(result.evidence()), result.score(), result.decision().name(), result.conflict(),
                engine.settings().mergeThreshold(), engine.settings().reviewThreshold(), shared, storedLink, apart);
    }

    private List<Explanation.Constraint> constraintsApart(SourceKey a, SourceKey b, SourceRecord left, SourceRecord right,
                                                          MatchResult result, List<Explanation.SharedKey> shared,
                                                          MatchLink stored, Explanation.Link storedLink) {
        List<Explanation.Constraint> apart = new ArrayList<>();
        if (result.conflict()) {
            apart.add(new Explanation.Constraint("CONFLICT", "the records can never be one party: different kinds, "
                    + "different valid identifiers, or different names or birth dates without agreeing identifiers", a, b, null));
        }
        if (stored != null && stored.getReviewState() == ReviewState.REJECTED) {
            apart.add(new Explanation.Constraint("REJECTED", "a steward rejected the pair", a, b, storedLink.stewardDecision()));
        }
        if (stored != null && stored.getSuppressedBy() != null) {
            apart.add(new Explanation.Constraint("SPLIT", "a steward's split suppressed their link", a, b,
                    decision(em.find(StewardAction.class, stored.getSuppressedBy()))));
        }
        em.createQuery("select c from CannotLink c where (c.leftRecordId = :a and c.rightRecordId = :b) "
                        + "or (c.leftRecordId = :b and c.rightRecordId = :a)", CannotLink.class)
                .setParameter("a", left.getId()).setParameter("b", right.getId())
                .getResultList()
                .forEach(block -> apart.add(new Explanation.Constraint("BLOCK", "a steward's split blocked re-merging them", a, b,
                        decision(em.find(StewardAction.class, block.getActionId())))));
        if (stored == null && shared.stream().noneMatch(Explanation.SharedKey::usable)) {
            apart.add(new Explanation.Constraint("NOT_COMPARED", shared.isEmpty() ? "no blocking key pairs them"
                    : "the blocking keys they share are too common to be used", a, b, null));
        }
        if (result.decision() == Decision.NO_MATCH) {
            apart.add(new Explanation.Constraint("BELOW_THRESHOLD", "their total is below the review threshold", a, b, null));
        } else if (stored != null && stored.getReviewState() == ReviewState.PENDING) {
            apart.add(new Explanation.Constraint("PENDING_REVIEW", "the pair waits for a steward's decision", a, b, null));
        }
        if (!result.conflict()) {
            clusterConflict(left.getCustomerId(), right.getCustomerId()).ifPresent(apart::add);
        }
        return apart;
    }

    /**
     * A conflict between a record of one customer and one of the other that no member of either explains
     * away ({@link io.atrium.resolution.match.Scorer#reconciles}): the partitioner never joins two clusters
     * across one, however strong the link between other members.
     */
    private Optional<Explanation.Constraint> clusterConflict(String customerA, String customerB) {
        List<SourceRecord> first = membersUpTo(customerA);
        List<SourceRecord> second = membersUpTo(customerB);
        if (first.size() > CLUSTER_CONFLICT_SEARCH_LIMIT || second.size() > CLUSTER_CONFLICT_SEARCH_LIMIT) {
            return Optional.empty();
        }
        Map<SourceRecord, StandardizedRecord> standardized = new HashMap<>();
        List<StandardizedRecord> members = new ArrayList<>();
        for (SourceRecord r : first) {
            members.add(standardized.computeIfAbsent(r, StandardizedRecords::of));
        }
        for (SourceRecord r : second) {
            members.add(standardized.computeIfAbsent(r, StandardizedRecords::of));
        }
        Scorer scorer = engine.scorer();
        for (SourceRecord x : first) {
            for (SourceRecord y : second) {
                StandardizedRecord a = standardized.get(x);
                StandardizedRecord b = standardized.get(y);
                if (scorer.conflicts(a, b) && members.stream().noneMatch(bridge -> scorer.reconciles(bridge, a, b))) {
                    return Optional.of(new Explanation.Constraint("CLUSTER_CONFLICT",
                            "a record of one customer can never be one party with a record of the other", key(x), key(y), null));
                }
            }
        }
        return Optional.empty();
    }

    private List<SourceRecord> membersUpTo(String customerId) {
        return sourceRecords.firstOfCustomer(customerId, CLUSTER_CONFLICT_SEARCH_LIMIT + 1);
    }

    /** The standing accept or reject of each of these links. */
    private Map<Long, StewardAction> reviewDecisions(Collection<Long> linkIds) {
        if (linkIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from StewardAction a where a.linkId in :links and a.undoneBy is null "
                        + "and a.type in :decisions order by a.id", StewardAction.class)
                .setParameter("links", linkIds)
                .setParameter("decisions", List.of(StewardActionType.ACCEPT, StewardActionType.REJECT))
                .getResultStream()
                .collect(Collectors.toMap(StewardAction::getLinkId, Function.identity(), (older, newer) -> newer));
    }

    private SourceRecord record(SourceKey key) {
        return sourceRecords.find(key.source(), key.sourceId()).orElse(null);
    }

    private static Explanation.Link link(MatchLink link, SourceKey other, StewardAction decision) {
        return new Explanation.Link(link.getId(), other, StoredEvidence.parse(link.getExplanation()), link.getScore(),
                link.getDecision().name(), link.isConflict(), link.getReviewState() == null ? null : link.getReviewState().name(),
                decision(decision), link.getScoredAt());
    }

    private static Explanation.StewardDecision decision(StewardAction action) {
        return action == null ? null : new Explanation.StewardDecision(action.getId(), action.getType().name(),
                action.getActor(), action.getActedAt(), action.getReason());
    }

    private static SourceKey key(SourceRecord record) {
        return new SourceKey(record.getSource(), record.getSourceId());
    }
}
