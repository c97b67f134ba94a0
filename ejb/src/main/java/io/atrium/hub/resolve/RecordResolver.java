package io.atrium.hub.resolve;

import io.atrium.hub.customer.ChangeType;
import io.atrium.hub.customer.Customer;
import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.customer.StoredForm;
import io.atrium.hub.customer.StoredMember;
import io.atrium.hub.events.ChangeEvents;
import io.atrium.hub.match.MatchLink;
import io.atrium.hub.match.RecordHash;
import io.atrium.hub.match.ReviewState;
import io.atrium.hub.quality.RecordQuality;
import io.atrium.hub.resolve.GoldenRecords.Member;
import io.atrium.hub.resolve.ResolverTransaction.State;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.StandardizedRecordJson;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves one canonical record in the caller's transaction, with the resolution engine: the record
 * is standardized and stored with its hashes, the stored records sharing a usable blocking key are
 * scored against it, MERGE and REVIEW pairs are kept as explained links, and the component of links
 * it touches is re-partitioned into customers. An older version changes nothing; the same content in a newer
 * version (its `updatedAt` aside) only moves the stored version on, with no change event. The
 * customers the record may change are locked ({@link CustomerLocks}) before its links and members are
 * read, so a steward's decision or another record committed meanwhile is never overwritten.
 * <p>
 * A batch of records shares one transaction, and its new records' rows go to the database together, in JDBC
 * batches, at one flush: a record's reads run with flush mode COMMIT, which is exact while the unflushed records
 * ({@link UnflushedRecords}) cannot be among what it reads, and the transaction is flushed first when they could
 * be. A record that joins or creates one customer leaves its rows unflushed; any other (an update, a re-partition)
 * flushes and detaches the transaction's entities before it reads on, and again when it is done, so that its reads
 * (each of which dirty-checks the persistence context first) do not grow with the records before it.
 */
// Open to every caller: the hub's own routes, consumers and timers call it without a caller
// identity; users reach it only through role-checked beans.
@PermitAll
@Stateless
public class RecordResolver {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MatchEngine engine;

    @Inject
    FrequencySnapshot frequencies;

    @Inject
    CurrentFrequencies currentFrequencies;

    @Inject
    Repartitioning repartitioning;

    @Inject
    GoldenRecords goldenRecords;

    @Inject
    RecordHashes recordHashes;

    @Inject
    CustomerLocks customerLocks;

    @Inject
    ChangeEvents changeEvents;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    @Inject
    ResolverTransaction resolverTransaction;

    /** Candidates read per usable key at most, as a multiple of the largest block matching uses. */
    private static final int GROWTH_ALLOWED = 2;

    /**
     * Reads at once what the batch's records would each read first: which of them are stored ({@link StoredVersions})
     * and the records under their usable blocking keys ({@link BatchCandidates}). A record stored with the same content
     * already (a member's points event, a ticket's update: sources send the party with each fact) needs no candidates,
     * so its keys are left out. Call it once the batch's keys are locked ({@link BlockingKeyLocks}), before resolving
     * any of them.
     */
    public void readAhead(Collection<Arrival> batch) {
        State state = resolverTransaction.state();
        StoredVersions storedVersions = state.storedVersions();
        storedVersions.read(batch.stream().map(Arrival::key).toList(), sourceRecords::storedContentOf);
        ValueFrequencies snapshot = currentFrequencies.get();
        Set<Long> hashes = new HashSet<>();
        for (Arrival arrival : batch) {
            if (!storedVersions.foundWithContent(arrival.key(), arrival.contentHash())) {
                state.usableKeys().of(arrival.standardized(), snapshot).forEach(key -> hashes.add(key.hash()));
            }
        }
        state.candidates().read(hashes, engine.scorer().settings().maxBlockSize() * GROWTH_ALLOWED, candidateReads);
    }

    /** The statements behind {@link BatchCandidates}; a record whose keys it did not read reads them itself. */
    private final BatchCandidates.Reads candidateReads = new BatchCandidates.Reads() {
        @Override
        public Map<Long, List<Long>> idsUnder(Collection<Long> hashes) {
            recordHashes.writePending();
            return sourceRecords.idsWithBlockingKeys(hashes);
        }

        @Override
        public List<StoredForm> withIds(Collection<Long> ids) {
            return sourceRecords.formsWithIds(ids);
        }

        @Override
        public List<StoredForm> under(Collection<Long> hashes, int max) {
            recordHashes.writePending();
            return sourceRecords.formsWithBlockingKeys(hashes, max);
        }
    };

    /**
     * Stores what the batch's records left to be stored together ({@link BatchGoldenRecords}, {@link RecordHashes}):
     * call it after the last one.
     */
    public void batchResolved() {
        State state = resolverTransaction.state();
        state.goldenRecords().store(goldenRecords);
        recordHashes.writePending();
        // once a batch: each call is an EJB invocation of the singleton
        frequencies.recordsChanged(state.storedVersions().storedFirst());
    }

    /**
     * @param arrival the record, whose blocking keys the caller has locked ({@link BlockingKeyLocks}) and read ahead
     */
    public void resolve(Arrival arrival) {
        State state = resolverTransaction.state();
        if (state.unflushed().holds(arrival.key())) {
            // a later version of a record stored earlier in the batch: it reads the stored version
            flushAndClear(state);
        }
        em.setFlushMode(FlushModeType.COMMIT);
        boolean leftUnflushed;
        try {
            leftUnflushed = store(arrival, state);
        } finally {
            em.setFlushMode(FlushModeType.AUTO);
        }
        if (!leftUnflushed) {
            flushAndClear(state);
        }
    }

    /**
     * @return whether the record's changes may stay unflushed: {@link UnflushedRecords} then knows them, or they only move
     *         a stored record's version on, which no read of the batch asks for (a later version of the record finds
     *         the same managed instance)
     */
    private boolean store(Arrival arrival, State state) {
        PartyRecord record = arrival.record();
        StandardizedRecord standardized = arrival.standardized();
        Instant now = Instant.now();
        String hash = arrival.contentHash();
        StoredVersions storedVersions = state.storedVersions();
        UnflushedRecords unflushed = state.unflushed();
        Long storedId = storedVersions.idOf(standardized.key());
        SourceRecord stored = storedId == null ? null : em.find(SourceRecord.class, storedId);
        if (stored != null && isOlder(record, stored)) {
            return true;
        }
        if (stored != null && hash.equals(stored.getContentHash())) {
            // the same content again (a member's points event, a ticket's update: sources send the party with each
            // fact): no change to resolve or announce, only the version moves on, so that a state between the two
            // versions cannot replace it later (the rule facts follow, SourceFact#update); the batch's rows wait for
            // its one flush as before
            stored.advanceVersion(record.getUpdatedAt());
            return true;
        }
        if (stored != null) {
            // an update reads its links and its component, which the unflushed records may have changed
            long id = stored.getId();
            flushAndReadAsStored(state);
            stored = em.find(SourceRecord.class, id);
        }
        // Lock first: the customers this record may change, then score again on what is committed now,
        // until no unlocked customer is involved.
        Scoring scoring = new Scoring(state);
        SourceRecord current = stored;
        Map<String, Customer> locked = customerLocks.lockUntilStable(() -> {
            scoring.score(standardized);
            Set<String> involved = involvedCustomers(current, scoring.results, scoring.candidates, standardized.key());
            if (unflushed.involve(involved)) {
                // their members are read next, and a lock would read them again
                flush(state);
            }
            return involved;
        }, () -> {
            if (current != null) {
                em.refresh(current);
            }
        });
        StoredCandidates candidates = scoring.candidates;
        List<MatchResult> scored = scoring.results;
        MatchResult strongestMerge = scored.stream().filter(r -> r.decision() == Decision.MERGE).findFirst().orElse(null);

        boolean arrived = stored == null;
        if (arrived) {
            stored = new SourceRecord(record.getSource(), record.getSourceId());
        }
        stored.replace(arrival.payload(), StandardizedRecordJson.write(standardized), RecordQuality.of(record, standardized), hash, record.getUpdatedAt(), now);
        if (arrived) {
            if (strongestMerge == null) {
                Customer customer = Customer.create(standardized.kind(), now);
                em.persist(customer);
                join(stored, standardized, record, customer, List.of(), ChangeType.CUSTOMER_CREATED, scored, candidates, now, state);
                unflushed.add(standardized, Set.of(customer.getId()));
                return true;
            }
            String joined = customerToJoin(standardized, scored, candidates);
            List<Member> members = joined == null ? null : membersToJoin(standardized, joined, state.forms());
            if (members != null) {
                Customer customer = locked.get(joined);
                join(stored, standardized, record, customer, members, ChangeType.RECORD_LINKED, scored, candidates, now, state);
                unflushed.add(standardized, locked.keySet());
                return true;
            }
            // a re-partition reads the component, which the unflushed records may have joined
            flushAndReadAsStored(state);
            // provisionally with the best match's customer; the re-partition below decides
            stored.setCustomerId(candidates.row(otherSide(strongestMerge, standardized.key())).customerId());
            em.persist(stored);
            storedVersions.stored(standardized.key(), stored.getId());
        }
        Set<Long> formerNeighbours = replaceLinks(stored, standardized, !arrived, scored, candidates, now);
        List<RecordHash> storedHashes = arrived ? List.of() : recordHashes.of(List.of(stored.getId())).getOrDefault(stored.getId(), List.of());
        storedCandidate(stored, recordHashes.replace(stored, storedHashes, standardized), state.candidates());
        em.flush();
        Set<Long> start = new HashSet<>(formerNeighbours);
        start.add(stored.getId());
        repartitioning.repartition(start, arrived ? Set.of(stored.getId()) : Set.of(),
                Set.of(stored.getId()), now, standardized.key());
        return false;
    }

    /** Later records of the batch find this one under its blocking keys ({@link BatchCandidates}). */
    private static void storedCandidate(SourceRecord stored, List<Long> blockingKeys, BatchCandidates batchCandidates) {
        batchCandidates.stored(stored.getId(), stored.getCustomerId(), stored.getStandardized(), blockingKeys);
    }

    private void flush(State state) {
        em.flush();
        state.unflushed().flushed();
    }

    /** The golden records left to the batch are stored first: their entities are about to be detached. */
    private void flushAndClear(State state) {
        state.goldenRecords().store(goldenRecords);
        flush(state);
        em.clear();
    }

    /**
     * From here on, every read sees the transaction's changes (the record's own as it makes them) as stored. The
     * transaction's entities are detached: each read of a re-partition dirty-checks the whole persistence context
     * before it runs, which the records left unflushed before would otherwise have grown.
     */
    private void flushAndReadAsStored(State state) {
        em.setFlushMode(FlushModeType.AUTO);
        flushAndClear(state);
    }

    /**
     * The latest scoring of a record against the stored candidates, redone after each round of locks. A round
     * that reads the same standardized forms as the last one under the same frequency snapshot keeps its
     * scores: a pair's score depends on nothing else, and most rounds after the locks find nothing changed
     * but the candidates' customers, which are read again.
     */
    private final class Scoring {
        private final State state;
        StoredCandidates candidates;
        List<MatchResult> results;
        private Set<StandardizedRecord> scoredForms;
        private ValueFrequencies scoredWith;

        Scoring(State state) {
            this.state = state;
        }

        void score(StandardizedRecord standardized) {
            ValueFrequencies snapshot = currentFrequencies.get();
            // the first round may take the candidates as the batch read them; a round after customer locks reads those
            // the last round linked to as committed now
            StoredCandidates last = candidates;
            candidates = new StoredCandidates(state.forms());
            Set<BlockingKey> keys = state.usableKeys().of(standardized, snapshot);
            List<Long> hashes = keys.stream().map(BlockingKey::hash).toList();
            if (state.unflushed().shareKey(hashes)) {
                // an unflushed record is one of its candidates
                flush(state);
            }
            int max = keys.size() * engine.scorer().settings().maxBlockSize() * GROWTH_ALLOWED;
            Collection<StandardizedRecord> found = keys.isEmpty() ? List.of() : candidates.of(last != null
                    ? state.candidates().underAsCommitted(hashes, max, linkedIds(last, standardized.key()), candidateReads)
                    : state.candidates().under(hashes, max, candidateReads));
            // forms are parsed once per transaction (StandardizedForms): an unchanged form is the same instance
            Set<StandardizedRecord> foundForms = Collections.newSetFromMap(new IdentityHashMap<>());
            foundForms.addAll(found);
            if (snapshot != scoredWith || !foundForms.equals(scoredForms)) {
                results = engine.resolver().resolve(standardized, keys, usable -> found, snapshot);
                scoredForms = foundForms;
                scoredWith = snapshot;
            }
        }

        private Set<Long> linkedIds(StoredCandidates last, RecordKey own) {
            Set<Long> linked = new HashSet<>();
            for (MatchResult result : results) {
                if (result.decision() != Decision.NO_MATCH) {
                    linked.add(last.row(otherSide(result, own)).id());
                }
            }
            return linked;
        }
    }

    /**
     * The customers a record may change: the one holding it, those holding the records it is linked to
     * now (a re-partition starts from them), and those holding its MERGE candidates.
     */
    private Set<String> involvedCustomers(SourceRecord stored, List<MatchResult> scored, StoredCandidates candidates,
                                          RecordKey own) {
        Set<String> involved = new HashSet<>();
        if (stored != null) {
            involved.add(stored.getCustomerId());
            involved.addAll(sourceRecords.customersLinkedTo(stored.getId()));
        }
        for (MatchResult result : scored) {
            if (result.decision() == Decision.MERGE) {
                involved.add(candidates.row(otherSide(result, own)).customerId());
            }
        }
        return involved;
    }

    /** The one customer all of a new record's MERGE pairs lie in; null when they lie in several. */
    private static String customerToJoin(StandardizedRecord standardized, List<MatchResult> scored, StoredCandidates candidates) {
        Set<String> customers = new HashSet<>();
        for (MatchResult result : scored) {
            if (result.decision() == Decision.MERGE) {
                customers.add(candidates.row(otherSide(result, standardized.key())).customerId());
            }
        }
        return customers.size() == 1 ? customers.iterator().next() : null;
    }

    /**
     * The members of the one customer a new record can simply join: all its MERGE pairs lie in that
     * customer ({@link #customerToJoin}) and it conflicts with none of the members. A re-partition would then give
     * exactly that customer plus the record (the record adds no conflict and bridges nothing), so it is skipped.
     * Null when the record conflicts with a member. Read as values: nothing of them changes, and a managed member
     * would cost its mapping and be dirty-checked at every flush of the batch.
     */
    private List<Member> membersToJoin(StandardizedRecord standardized, String customerId, StandardizedForms forms) {
        List<Member> members = new ArrayList<>();
        for (StoredMember member : sourceRecords.membersOf(customerId)) {
            StandardizedRecord memberRecord = forms.of(member.standardized(), member.payload());
            if (engine.scorer().conflicts(standardized, memberRecord)) {
                return null;
            }
            members.add(new Member(memberRecord, member.payload()));
        }
        return members.isEmpty() ? null : members;
    }

    /** Stores a new record into a customer (a new one, or one it simply joins) without a re-partition. */
    private void join(SourceRecord stored, StandardizedRecord standardized, PartyRecord record, Customer customer,
                      List<Member> formerMembers, ChangeType change,
                      List<MatchResult> scored, StoredCandidates candidates, Instant now, State state) {
        stored.setCustomerId(customer.getId());
        em.persist(stored);
        state.storedVersions().stored(standardized.key(), stored.getId());
        replaceLinks(stored, standardized, false, scored, candidates, now);
        storedCandidate(stored, recordHashes.replace(stored, List.of(), standardized), state.candidates());
        customer.touch(now);
        List<Member> members = new ArrayList<>(formerMembers);
        members.add(Member.of(stored, standardized));
        state.goldenRecords().changed(customer, members, change == ChangeType.CUSTOMER_CREATED);
        changeEvents.publish(new CustomerChange(customer.getId(), change, List.of()), standardized.key(), now);
    }

    /**
     * Replaces the record's links with the new scores. A pair a steward decided keeps the decision and
     * takes the new score, and so does a pair scored to the same decision again (a review pair keeps
     * its id while its records change, so a steward looking at it can still decide it); the other
     * former links go. Returns the records the old links reached. A pair in conflict is not kept for
     * review: no steward could merge it.
     */
    private Set<Long> replaceLinks(SourceRecord stored, StandardizedRecord standardized, boolean wasStored, List<MatchResult> scored,
                                   StoredCandidates candidates, Instant now) {
        Map<Long, MatchLink> existing = new HashMap<>();
        if (wasStored) {
            em.createQuery("select l from MatchLink l where l.leftRecordId = :id or l.rightRecordId = :id", MatchLink.class)
                    .setParameter("id", stored.getId())
                    .getResultList()
                    .forEach(link -> existing.put(link.other(stored.getId()), link));
        }
        Set<Long> formerNeighbours = new HashSet<>(existing.keySet());
        Set<Long> kept = new HashSet<>();
        RecordKey own = new RecordKey(stored.getSource(), stored.getSourceId());
        List<MatchResult> fresh = new ArrayList<>();
        for (MatchResult result : scored) {
            long other = candidates.row(otherSide(result, own)).id();
            MatchLink link = existing.get(other);
            boolean decided = link != null && decided(link);
            // a link a split suppressed goes: the record's new version is new evidence and may merge it back
            boolean sameDecision = link != null && link.getSuppressedBy() == null && link.getDecision() == result.decision()
                    && !result.conflict();
            if (decided || sameDecision) {
                link.rescore(result.score(), priority(result, standardized, candidates, own), result.conflict(), result.explain(), now);
                kept.add(other);
            } else if (result.decision() != Decision.NO_MATCH && !result.conflict()) {
                fresh.add(result);
            }
        }
        boolean removed = false;
        for (Map.Entry<Long, MatchLink> former : existing.entrySet()) {
            if (!kept.contains(former.getKey()) && !decided(former.getValue())) {
                em.remove(former.getValue());
                removed = true;
            }
        }
        if (removed) {
            // a pair removed may come back as a fresh link, and a flush inserts before it deletes
            em.flush();
        }
        for (MatchResult result : fresh) {
            long other = candidates.row(otherSide(result, own)).id();
            boolean ownIsLeft = result.left().equals(own);
            em.persist(new MatchLink(ownIsLeft ? stored.getId() : other, ownIsLeft ? other : stored.getId(), result.score(),
                    priority(result, standardized, candidates, own), result.decision(), result.conflict(), result.explain(), now));
        }
        return formerNeighbours;
    }

    /** Under the snapshot of the moment: the one the pair was scored with, unless a recount came between (then only the order moves). */
    private double priority(MatchResult result, StandardizedRecord standardized, StoredCandidates candidates, RecordKey own) {
        return engine.reviewPriority().of(result, standardized, candidates.row(otherSide(result, own)).form(), currentFrequencies.get());
    }

    private static boolean decided(MatchLink link) {
        return link.getReviewState() == ReviewState.ACCEPTED || link.getReviewState() == ReviewState.REJECTED;
    }

    private static RecordKey otherSide(MatchResult result, RecordKey own) {
        return result.left().equals(own) ? result.right() : result.left();
    }

    private static boolean isOlder(PartyRecord record, SourceRecord stored) {
        return record.getUpdatedAt() != null && stored.getRecordUpdatedAt() != null
                && record.getUpdatedAt().isBefore(stored.getRecordUpdatedAt());
    }
}
