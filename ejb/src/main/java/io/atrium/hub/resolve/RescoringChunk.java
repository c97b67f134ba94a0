package io.atrium.hub.resolve;

import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.events.AnnouncesChanges;
import io.atrium.hub.match.MatchLink;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The re-scoring's transactions: a pass begun, one chunk of links re-scored, a pass failed; see {@link Rescoring}. */
// Open to every caller: the hub's own timers call it without a caller identity; users reach it only
// through role-checked beans.
@PermitAll
@Stateless
public class RescoringChunk {

    /** @param links re-scored in the chunk; {@code more}: a pass is still running (or follows) */
    public record Done(int links, boolean more) {
    }

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MatchEngine engine;

    @Inject
    FrequencySnapshot frequencies;

    @Inject
    CustomerLocks customerLocks;

    @Inject
    Repartitioning repartitioning;

    @Inject
    ResolverTransaction resolverTransaction;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    /**
     * Begins a pass over every stored link, unless one is running: a request during a pass asks for another
     * pass after it (the links already done were scored with older weights, or, for a pass resumed after a
     * restart, older settings).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void begin(RescoringRun.Cause cause, boolean conflictsChanged) {
        Optional<RescoringRun> latest = latest(LockModeType.PESSIMISTIC_WRITE);
        if (latest.isPresent() && latest.get().getState() == RescoringRun.State.RUNNING) {
            latest.get().requestAgain(conflictsChanged);
            return;
        }
        em.persist(newPass(cause, conflictsChanged));
    }

    /**
     * Re-scores the next links of the running pass, at most {@code size}, with today's weights, and re-partitions
     * the customers of the links that now join their records or no longer do. Their customers are locked first,
     * as the resolver and stewards lock them, so a record resolved meanwhile is re-scored before or after, never
     * half. The pass's progress commits with the chunk.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @Interceptors(AnnouncesChanges.class)
    public Done rescore(int size) {
        RescoringRun run = latest(LockModeType.PESSIMISTIC_WRITE).filter(r -> r.getState() == RescoringRun.State.RUNNING).orElse(null);
        if (run == null) {
            return new Done(0, false);
        }
        List<Object[]> pairs = em.createQuery("select l.id, l.leftRecordId, l.rightRecordId from MatchLink l where l.id > :after "
                        + "order by l.id", Object[].class)
                .setParameter("after", run.getLastLinkId())
                .setMaxResults(size)
                .getResultList();
        Instant now = Instant.now();
        if (pairs.isEmpty()) {
            run.finish(now);
            if (run.isAgain()) {
                em.persist(newPass(RescoringRun.Cause.RECOUNT, run.isConflictsChanged()));
            }
            return new Done(0, run.isAgain());
        }
        Set<Long> recordIds = new HashSet<>();
        pairs.forEach(pair -> {
            recordIds.add((Long) pair[1]);
            recordIds.add((Long) pair[2]);
        });
        customerLocks.lockHoldersOf(recordIds);

        // read after the locks: a link the resolver replaced meanwhile is gone or re-scored already
        List<MatchLink> links = em.createQuery("select l from MatchLink l where l.id in :ids", MatchLink.class)
                .setParameter("ids", pairs.stream().map(pair -> (Long) pair[0]).toList()).getResultList();
        Map<Long, StandardizedRecord> records = new HashMap<>();
        Map<Long, String> customers = new HashMap<>();
        StandardizedForms forms = resolverTransaction.state().forms();
        sourceRecords.withIds(recordIds).forEach(row -> {
            records.put(row.getId(), forms.of(row));
            customers.put(row.getId(), row.getCustomerId());
        });
        ValueFrequencies weights = frequencies.current();
        Set<Long> relinked = new HashSet<>();
        int decisionsChanged = 0;
        for (MatchLink link : links) {
            StandardizedRecord left = records.get(link.getLeftRecordId());
            StandardizedRecord right = records.get(link.getRightRecordId());
            MatchResult rescored = engine.scorer().score(left, right, weights);
            double priority = engine.reviewPriority().of(rescored, left, right, weights);
            LinkRescore outcome = LinkRescore.of(link, rescored);
            boolean linkedBefore = link.links();
            switch (outcome) {
                case RESCORE -> link.rescore(rescored.score(), priority, rescored.conflict(), rescored.explain(), now);
                case REDECIDE -> link.redecide(rescored.score(), priority, rescored.decision(), rescored.conflict(), rescored.explain(), now);
                case REMOVE -> em.remove(link);
            }
            if (outcome != LinkRescore.RESCORE) {
                decisionsChanged++;
            }
            boolean linksNow = outcome != LinkRescore.REMOVE && link.links();
            // with other conflicts weighed, customers a joining link connects may be joined now, or kept apart no longer
            boolean keptApart = run.isConflictsChanged() && linksNow
                    && !customers.get(link.getLeftRecordId()).equals(customers.get(link.getRightRecordId()));
            if (linkedBefore != linksNow || keptApart) {
                relinked.add(link.getLeftRecordId());
                relinked.add(link.getRightRecordId());
            }
        }
        em.flush();
        int customersChanged = relinked.isEmpty() ? 0 : repartitioning.repartition(relinked, Set.of(), Set.of(), now, null).size();
        run.chunkDone((Long) pairs.get(pairs.size() - 1)[0], links.size(), decisionsChanged, customersChanged);
        return new Done(links.size(), true);
    }

    /** Marks the running pass failed; a new pass starts from the first link. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String failure) {
        latest(LockModeType.PESSIMISTIC_WRITE).filter(r -> r.getState() == RescoringRun.State.RUNNING)
                .ifPresent(run -> run.fail(failure, Instant.now()));
    }

    /** The latest pass, if any. */
    public Optional<RescoringRun> latest() {
        return latest(LockModeType.NONE);
    }

    private Optional<RescoringRun> latest(LockModeType lock) {
        return Optional.ofNullable(em.createQuery("select max(r.id) from RescoringRun r", Long.class).getSingleResult())
                .map(id -> em.find(RescoringRun.class, id, lock));
    }

    private RescoringRun newPass(RescoringRun.Cause cause, boolean conflictsChanged) {
        return new RescoringRun(cause, conflictsChanged, em.createQuery("select count(l) from MatchLink l", Long.class).getSingleResult(),
                Instant.now());
    }
}
