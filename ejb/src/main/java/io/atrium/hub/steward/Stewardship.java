package io.atrium.hub.steward;

import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.events.AnnouncesChanges;
import io.atrium.hub.explain.StoredEvidence;
import io.atrium.hub.match.CannotLink;
import io.atrium.hub.match.MatchLink;
import io.atrium.hub.match.ReviewState;
import io.atrium.hub.resolve.CustomerLocks;
import io.atrium.hub.resolve.Repartitioning;
import io.atrium.hub.resolve.StandardizedRecords;
import io.atrium.hub.security.HubRoles;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What data stewards do: review pairs the matcher was unsure of, and the links of surname-only callers held back
 * between two customers who cannot be one person (accept = merge, reject = never merge these two), split a source record out of its customer (optionally blocking re-merging), and undo any
 * of these. Every action is audited with who, when, why and the customers before and after, and each
 * re-partitions the records it touches at once, publishing the merges and splits it causes.
 */
@Stateless
@RolesAllowed(HubRoles.ADMIN)
@Interceptors(AnnouncesChanges.class)
public class Stewardship {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type STATES = new ArrayList<StewardViews.CustomerState>() { }.getClass().getGenericSuperclass();

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Repartitioning repartitioning;

    @Inject
    CustomerLocks customerLocks;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    /**
     * Pending review pairs whose records are still in different customers, most likely matches first (the highest
     * priority: the score, or the score under the review-priority settings, {@code MatchEngine#reviewPriority}; a pair
     * in conflict has no link). Index {@code ix_match_link_priority} serves this filter and order.
     */
    public List<StewardViews.ReviewPair> pendingReviews(int limit) {
        List<MatchLink> pairs = em.createQuery("select l from MatchLink l, SourceRecord a, SourceRecord b "
                        + "where l.reviewState = :pending and l.suppressedBy is null and a.id = l.leftRecordId "
                        + "and b.id = l.rightRecordId and a.customerId <> b.customerId order by l.priority desc, l.id", MatchLink.class)
                .setParameter("pending", ReviewState.PENDING)
                .setMaxResults(limit)
                .getResultList();
        if (pairs.isEmpty()) {
            return List.of();
        }
        // both records of every pair in one query, not two per pair
        Map<Long, SourceRecord> records = sourceRecords.withIds(pairs.stream()
                        .flatMap(l -> Stream.of(l.getLeftRecordId(), l.getRightRecordId())).distinct().toList()).stream()
                .collect(Collectors.toMap(SourceRecord::getId, Function.identity()));
        return pairs.stream().map(l -> reviewPair(l, records)).toList();
    }

    public StewardViews.ActionView accept(long linkId, String reason) {
        MatchLink link = pendingLink(linkId);
        if (link.isConflict()) {
            throw new StewardRequestException(StewardRequestException.Kind.CONFLICT, "review pair " + linkId
                    + " is in conflict (different valid identifiers, names or birth dates) and can never be merged: " + link.getExplanation());
        }
        link.setReviewState(ReviewState.ACCEPTED);
        List<Long> involved = new ArrayList<>(List.of(link.getLeftRecordId(), link.getRightRecordId()));
        if (link.getDecision() == Decision.MERGE) {
            involved.addAll(rejectRivals(link));
        }
        StewardAction action = begin(StewardActionType.ACCEPT, reason, involved);
        action.setLinkId(linkId);
        return finish(action, involved);
    }

    /**
     * Accepting one link of a held-back surname-only caller says which customer called: its pending links to records
     * of other customers are rejected (a caller is one person), so it joins the chosen one. Answers those links' records.
     */
    private List<Long> rejectRivals(MatchLink accepted) {
        long caller = callerOf(accepted);
        List<MatchLink> rivals = heldBackLinks(caller, ReviewState.PENDING);
        List<Long> partners = rivals.stream().map(rival -> rival.other(caller)).toList();
        customerLocks.lockHoldersOf(partners);
        String chosen = em.find(SourceRecord.class, accepted.other(caller)).getCustomerId();
        Map<Long, String> customerOf = sourceRecords.withIds(partners).stream()
                .collect(Collectors.toMap(SourceRecord::getId, SourceRecord::getCustomerId));
        rivals.stream().filter(rival -> !chosen.equals(customerOf.get(rival.other(caller))))
                .forEach(rival -> rival.setReviewState(ReviewState.REJECTED));
        return partners;
    }

    /** The surname-only end of a MERGE link a steward decides. */
    private long callerOf(MatchLink link) {
        return StandardizedRecords.of(em.find(SourceRecord.class, link.getLeftRecordId())).weakName()
                ? link.getLeftRecordId() : link.getRightRecordId();
    }

    /** The caller's MERGE links in the given steward state, locked. */
    private List<MatchLink> heldBackLinks(long caller, ReviewState state) {
        return em.createQuery("select l from MatchLink l where (l.leftRecordId = :caller or l.rightRecordId = :caller) "
                        + "and l.decision = :merge and l.reviewState = :state", MatchLink.class)
                .setParameter("caller", caller).setParameter("merge", Decision.MERGE).setParameter("state", state)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Those of these links a reject action not undone decided. */
    private Set<Long> rejectedInLiveActions(List<Long> linkIds) {
        if (linkIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select a.linkId from StewardAction a where a.type = :reject and a.undoneBy is null "
                        + "and a.linkId in :ids", Long.class)
                .setParameter("reject", StewardActionType.REJECT).setParameter("ids", linkIds)
                .getResultList());
    }

    public StewardViews.ActionView reject(long linkId, String reason) {
        MatchLink link = pendingLink(linkId);
        link.setReviewState(ReviewState.REJECTED);
        StewardAction action = begin(StewardActionType.REJECT, reason, List.of(link.getLeftRecordId(), link.getRightRecordId()));
        action.setLinkId(linkId);
        return finish(action, List.of(link.getLeftRecordId(), link.getRightRecordId()));
    }

    /** Takes the record out of its customer; with {@code block} it never joins the former members again. */
    public StewardViews.ActionView split(String source, String sourceId, boolean block, String reason) {
        long recordId = sourceRecords.idOf(source, sourceId)
                .orElseThrow(() -> new StewardRequestException(StewardRequestException.Kind.NOT_FOUND, "no source record " + source + "/" + sourceId));
        customerLocks.lockHoldersOf(List.of(recordId));
        SourceRecord record = em.find(SourceRecord.class, recordId);
        List<Long> members = sourceRecords.idsOfCustomer(record.getCustomerId());
        if (members.size() < 2) {
            throw new StewardRequestException(StewardRequestException.Kind.CONFLICT,
                    "record " + source + "/" + sourceId + " is the only record of customer " + record.getCustomerId() + ": nothing to split");
        }
        StewardAction action = begin(StewardActionType.SPLIT, reason, members);
        action.setRecordId(record.getId());
        action.setBlock(block);
        em.flush();
        em.createQuery("update MatchLink l set l.suppressedBy = :action where (l.leftRecordId = :id or l.rightRecordId = :id) "
                        + "and l.suppressedBy is null and (l.decision = :merge or l.reviewState = :accepted)")
                .setParameter("action", action.getId()).setParameter("id", record.getId())
                .setParameter("merge", Decision.MERGE).setParameter("accepted", ReviewState.ACCEPTED)
                .executeUpdate();
        if (block) {
            for (long member : members) {
                if (member != record.getId()) {
                    em.persist(new CannotLink(Math.min(member, record.getId()), Math.max(member, record.getId()), action.getId()));
                }
            }
        }
        return finish(action, members);
    }

    /** Reverses an action: its review decision goes back to pending, or its split's suppressions and blocks go. */
    public StewardViews.ActionView undo(long actionId, String reason) {
        StewardAction undone = em.find(StewardAction.class, actionId, LockModeType.PESSIMISTIC_WRITE);
        if (undone == null) {
            throw new StewardRequestException(StewardRequestException.Kind.NOT_FOUND, "no steward action " + actionId);
        }
        if (undone.getType() == StewardActionType.UNDO || undone.getUndoneBy() != null) {
            throw new StewardRequestException(StewardRequestException.Kind.CONFLICT, undone.getType() == StewardActionType.UNDO
                    ? "an undo cannot be undone; repeat the original action instead" : "action " + actionId + " was already undone by " + undone.getUndoneBy());
        }
        List<Long> involved = new ArrayList<>(recordIds(read(undone.getStateBefore())));
        customerLocks.lockHoldersOf(involved);
        if (undone.getLinkId() != null) {
            MatchLink link = em.find(MatchLink.class, undone.getLinkId(), LockModeType.PESSIMISTIC_WRITE);
            if (link == null) {
                throw new StewardRequestException(StewardRequestException.Kind.CONFLICT,
                        "review pair " + undone.getLinkId() + " of action " + actionId + " no longer exists");
            }
            link.setReviewState(ReviewState.PENDING);
            if (link.getDecision() == Decision.MERGE && undone.getType() == StewardActionType.ACCEPT) {
                // the caller's other candidates the accept rejected come back with it (the next partitioning says
                // which still wait); one a steward rejected in an action of its own stays rejected until that is undone
                List<MatchLink> rivals = heldBackLinks(callerOf(link), ReviewState.REJECTED);
                Set<Long> rejectedOnTheirOwn = rejectedInLiveActions(rivals.stream().map(MatchLink::getId).toList());
                rivals.stream().filter(rival -> !rejectedOnTheirOwn.contains(rival.getId()))
                        .forEach(rival -> rival.setReviewState(ReviewState.PENDING));
            }
        } else {
            em.createQuery("update MatchLink l set l.suppressedBy = null where l.suppressedBy = :action")
                    .setParameter("action", actionId).executeUpdate();
            em.createQuery("delete from CannotLink c where c.actionId = :action").setParameter("action", actionId).executeUpdate();
        }
        StewardAction action = begin(StewardActionType.UNDO, reason, involved);
        action.setUndoes(actionId);
        action.setLinkId(undone.getLinkId());
        action.setRecordId(undone.getRecordId());
        StewardViews.ActionView view = finish(action, involved);
        undone.setUndoneBy(action.getId());
        return view;
    }

    /** The audit trail, newest first. */
    public List<StewardViews.ActionView> actions(int limit) {
        return em.createQuery("select a from StewardAction a order by a.id desc", StewardAction.class)
                .setMaxResults(limit).getResultList().stream().map(this::view).toList();
    }

    /** The pair, read once its records' customers are locked: the resolver may be replacing its links. */
    private MatchLink pendingLink(long linkId) {
        MatchLink link = em.find(MatchLink.class, linkId);
        if (link != null) {
            customerLocks.lockHoldersOf(List.of(link.getLeftRecordId(), link.getRightRecordId()));
            em.detach(link);
            link = em.find(MatchLink.class, linkId, LockModeType.PESSIMISTIC_WRITE);
        }
        // a MERGE link is a review pair while (or since) it waits for a steward: a held-back caller's
        if (link == null || link.getDecision() != Decision.REVIEW && link.getReviewState() == null) {
            throw new StewardRequestException(StewardRequestException.Kind.NOT_FOUND, "no review pair " + linkId);
        }
        if (link.getReviewState() != ReviewState.PENDING) {
            throw new StewardRequestException(StewardRequestException.Kind.CONFLICT,
                    "review pair " + linkId + " was already decided: " + link.getReviewState());
        }
        return link;
    }

    private StewardAction begin(StewardActionType type, String reason, Collection<Long> records) {
        if (reason == null || reason.isBlank()) {
            throw new StewardRequestException(StewardRequestException.Kind.INVALID, "a reason is required for the audit trail");
        }
        StewardAction action = new StewardAction(type, session.getCallerPrincipal().getName(), Instant.now(), reason.strip());
        action.setStateBefore(JSONB.toJson(statesOf(records)));
        em.persist(action);
        return action;
    }

    private StewardViews.ActionView finish(StewardAction action, Collection<Long> records) {
        em.flush();
        repartitioning.repartition(records, Set.of(), Set.of(), action.getActedAt(), null);
        em.flush();
        action.setStateAfter(JSONB.toJson(statesOf(records)));
        return view(action);
    }

    /** The customers now holding these records, each with all its records. */
    private List<StewardViews.CustomerState> statesOf(Collection<Long> recordIds) {
        Set<String> customers = new TreeSet<>(sourceRecords.customersOf(recordIds));
        TreeMap<String, List<StewardViews.RecordRef>> states = new TreeMap<>();
        sourceRecords.ofCustomers(customers)
                .forEach(r -> states.computeIfAbsent(r.getCustomerId(), c -> new ArrayList<>())
                        .add(new StewardViews.RecordRef(r.getId(), r.getSource(), r.getSourceId())));
        return states.entrySet().stream().map(e -> new StewardViews.CustomerState(e.getKey(), e.getValue())).toList();
    }

    private static List<Long> recordIds(List<StewardViews.CustomerState> states) {
        return states.stream().flatMap(s -> s.records().stream()).map(StewardViews.RecordRef::recordId).toList();
    }

    private static List<StewardViews.CustomerState> read(String json) {
        return json == null ? List.of() : JSONB.fromJson(json, STATES);
    }

    private StewardViews.ActionView view(StewardAction a) {
        SourceRecord row = a.getRecordId() == null ? null : em.find(SourceRecord.class, a.getRecordId());
        StewardViews.RecordRef record = row == null ? null : new StewardViews.RecordRef(row.getId(), row.getSource(), row.getSourceId());
        return new StewardViews.ActionView(a.getId(), a.getType().name(), a.getActor(), a.getActedAt(), a.getReason(),
                a.getLinkId(), record, a.isBlock(), a.getUndoes(), a.getUndoneBy(), read(a.getStateBefore()), read(a.getStateAfter()));
    }

    private static StewardViews.ReviewPair reviewPair(MatchLink link, Map<Long, SourceRecord> records) {
        return new StewardViews.ReviewPair(link.getId(), link.getScore(), link.getPriority(), link.isConflict(),
                link.getReviewReason(), link.getExplanation(),
                StoredEvidence.parse(link.getExplanation()), link.getScoredAt(),
                summary(records.get(link.getLeftRecordId())), summary(records.get(link.getRightRecordId())));
    }

    private static StewardViews.RecordSummary summary(SourceRecord row) {
        StandardizedRecord r = StandardizedRecords.of(row);
        List<String> phones = new ArrayList<>(r.mobiles());
        phones.addAll(r.landlines());
        phones.addAll(r.unverifiedPhones());
        return new StewardViews.RecordSummary(row.getId(), row.getSource(), row.getSourceId(), row.getCustomerId(),
                r.kind() == null ? null : r.kind().name(), r.displayName(), r.gender(), r.birthDate(),
                r.idType() == null ? null : r.idType().name(), r.idNumber(), phones, r.emails(), r.address());
    }
}
