package io.atrium.hub.resolve;

import io.atrium.hub.customer.ChangeType;
import io.atrium.hub.customer.Customer;
import io.atrium.hub.customer.CustomerEvent;
import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.events.ChangeEvents;
import io.atrium.hub.match.CannotLink;
import io.atrium.hub.match.MatchLink;
import io.atrium.hub.match.ReviewState;
import io.atrium.resolution.cluster.ClusterPartitioner;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Re-partitions the connected component of links around some source records, in the caller's
 * transaction: the records, every record of their customers and every record linked to them are
 * clustered again from scratch by the engine's {@link io.atrium.resolution.cluster.ClusterPartitioner}
 * (strongest links first, never across a conflict or a steward's block), which makes the outcome
 * independent of arrival order. Customer ids stay stable: each cluster keeps the id of the customer
 * that holds most of its records (the older one on a tie); a customer left without records is marked
 * MERGED into the one that took most of them, so its id keeps answering.
 */
@ApplicationScoped
public class Repartitioning {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MatchEngine engine;

    @Inject
    GoldenRecords goldenRecords;

    @Inject
    ChangeEvents changeEvents;

    @Inject
    CustomerLocks customerLocks;

    @Inject
    ResolverTransaction resolverTransaction;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    /**
     * @param start   records whose component is re-partitioned
     * @param arrived records stored for the first time in this transaction (linked, not moved)
     * @param changed records whose data changed (their customers' golden records are rebuilt)
     * @param cause   the record that caused it, named in the events; null for a steward action
     */
    public List<CustomerChange> repartition(Collection<Long> start, Set<Long> arrived, Set<Long> changed,
                                            Instant now, RecordKey cause) {
        Map<Long, SourceRecord> rows = new LinkedHashMap<>();
        Map<Long, MatchLink> links = new HashMap<>();
        Map<String, Customer> customers = lockComponent(start, rows, links);

        Map<Long, String> before = new HashMap<>();
        rows.forEach((id, row) -> before.put(id, row.getCustomerId()));

        Map<Long, StandardizedRecord> standardized = new HashMap<>();
        Map<RecordKey, StandardizedRecord> byKey = new LinkedHashMap<>();
        Map<RecordKey, Long> idOf = new HashMap<>();
        StandardizedForms forms = resolverTransaction.state().forms();
        rows.forEach((id, row) -> {
            StandardizedRecord record = forms.of(row);
            standardized.put(id, record);
            byKey.put(record.key(), record);
            idOf.put(record.key(), id);
        });
        Function<Long, RecordKey> keyOf = id -> standardized.get(id).key();
        Map<MatchLink, MatchResult> mergeLinks = links.values().stream().filter(MatchLink::links)
                .collect(Collectors.toMap(Function.identity(), l -> new MatchResult(keyOf.apply(l.getLeftRecordId()),
                        keyOf.apply(l.getRightRecordId()), List.of(), l.getScore(), Decision.MERGE, false)));
        ClusterPartitioner.Partition partition = engine.partitioner()
                .partitionReporting(byKey, mergeLinks.values(), constraints(rows.keySet(), keyOf));
        // a surname-only caller held back between two customers: its links wait for a steward, who says which one
        Map<MatchResult, Double> heldBackPriorities = ClusterPartitioner.stewardPriorities(mergeLinks.values(), partition.heldBack());
        mergeLinks.forEach((link, result) -> link.awaitSteward(partition.heldBack(result).map(ClusterPartitioner.HeldBack::reason),
                heldBackPriorities.getOrDefault(result, result.score())));
        List<List<RecordKey>> clusters = partition.clusters();

        Map<Long, String> after = assignCustomers(clusters, idOf, before, customers, now);
        rows.forEach((id, row) -> row.setCustomerId(after.get(id)));
        return recordChanges(rows, before, after, arrived, changed, customers, standardized, now, cause);
    }

    /**
     * Collects the component and locks its customers, then collects it again from what is committed
     * now (a record may have moved or a link changed before the locks were granted), until every
     * customer of the component is locked. Answers the locked customers.
     */
    private Map<String, Customer> lockComponent(Collection<Long> start, Map<Long, SourceRecord> rows, Map<Long, MatchLink> links) {
        return customerLocks.lockUntilStable(() -> {
            rows.clear();
            links.clear();
            collectComponent(start, rows, links);
            return rows.values().stream().map(SourceRecord::getCustomerId).collect(Collectors.toSet());
        }, () -> {
            // the next round reads them again: entities already in the context would keep their old state
            rows.values().forEach(em::refresh);
            links.values().forEach(em::detach);
        });
    }

    /** The records linked to {@code start}, closed over links and over customer membership. */
    private void collectComponent(Collection<Long> start, Map<Long, SourceRecord> rows, Map<Long, MatchLink> links) {
        Set<Long> frontier = new HashSet<>(start);
        Set<String> customersSeen = new HashSet<>();
        while (!frontier.isEmpty()) {
            List<SourceRecord> found = sourceRecords.withIds(frontier);
            Set<String> newCustomers = new HashSet<>();
            for (SourceRecord row : found) {
                rows.put(row.getId(), row);
                if (customersSeen.add(row.getCustomerId())) {
                    newCustomers.add(row.getCustomerId());
                }
            }
            Set<Long> next = new HashSet<>();
            if (!newCustomers.isEmpty()) {
                sourceRecords.ofCustomersInAnyOrder(newCustomers)
                        .forEach(row -> {
                            if (!rows.containsKey(row.getId())) {
                                next.add(row.getId());
                            }
                        });
            }
            em.createQuery("select l from MatchLink l where (l.leftRecordId in :ids or l.rightRecordId in :ids) "
                            + "and l.suppressedBy is null and (l.decision = :merge or l.reviewState = :accepted)", MatchLink.class)
                    .setParameter("ids", frontier)
                    .setParameter("merge", Decision.MERGE)
                    .setParameter("accepted", ReviewState.ACCEPTED)
                    .getResultList()
                    .forEach(link -> {
                        links.put(link.getId(), link);
                        for (long id : new long[]{link.getLeftRecordId(), link.getRightRecordId()}) {
                            if (!rows.containsKey(id)) {
                                next.add(id);
                            }
                        }
                    });
            next.removeAll(rows.keySet());
            frontier = next;
        }
    }

    /** Steward blocks and rejected review pairs among the component's records. */
    private StewardConstraints constraints(Set<Long> ids, Function<Long, RecordKey> keyOf) {
        StewardConstraints constraints = StewardConstraints.NONE;
        for (CannotLink block : em.createQuery("select c from CannotLink c where c.leftRecordId in :ids and c.rightRecordId in :ids",
                CannotLink.class).setParameter("ids", ids).getResultList()) {
            constraints = constraints.withCannotLink(keyOf.apply(block.getLeftRecordId()), keyOf.apply(block.getRightRecordId()));
        }
        for (MatchLink rejected : em.createQuery("select l from MatchLink l where l.leftRecordId in :ids and l.rightRecordId in :ids "
                + "and l.reviewState = :rejected", MatchLink.class)
                .setParameter("ids", ids).setParameter("rejected", ReviewState.REJECTED).getResultList()) {
            constraints = constraints.withCannotLink(keyOf.apply(rejected.getLeftRecordId()), keyOf.apply(rejected.getRightRecordId()));
        }
        return constraints;
    }

    /** Biggest clusters choose first, each the customer holding most of its records; the rest get new customers. */
    private Map<Long, String> assignCustomers(List<List<RecordKey>> clusters, Map<RecordKey, Long> idOf,
                                              Map<Long, String> before, Map<String, Customer> customers, Instant now) {
        List<List<RecordKey>> bySize = new ArrayList<>(clusters);
        bySize.sort(Comparator.comparingInt((List<RecordKey> c) -> -c.size()).thenComparing(c -> c.get(0)));
        Set<String> taken = new HashSet<>();
        Map<Long, String> after = new HashMap<>();
        for (List<RecordKey> cluster : bySize) {
            Map<String, Long> held = cluster.stream()
                    .collect(Collectors.groupingBy(key -> before.get(idOf.get(key)), TreeMap::new, Collectors.counting()));
            String chosen = held.entrySet().stream()
                    .filter(e -> !taken.contains(e.getKey()))
                    .min(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
                            .thenComparing(e -> customers.get(e.getKey()).getCreatedAt())
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey)
                    .orElseGet(() -> {
                        Customer created = Customer.create(PartyKind.PERSON, now);
                        em.persist(created);
                        customers.put(created.getId(), created);
                        return created.getId();
                    });
            taken.add(chosen);
            cluster.forEach(key -> after.put(idOf.get(key), chosen));
        }
        return after;
    }

    private List<CustomerChange> recordChanges(Map<Long, SourceRecord> rows, Map<Long, String> before, Map<Long, String> after,
                                               Set<Long> arrived, Set<Long> changed, Map<String, Customer> customers,
                                               Map<Long, StandardizedRecord> standardized, Instant now, RecordKey cause) {
        Set<Long> ids = rows.keySet();
        Map<String, List<Long>> members = new TreeMap<>();
        ids.forEach(id -> members.computeIfAbsent(after.get(id), c -> new ArrayList<>()).add(id));

        // customers left without records were merged into the one that took most of them
        Map<String, Set<String>> absorbedBy = new HashMap<>();
        for (String old : new TreeSet<>(before.values())) {
            if (!members.containsKey(old)) {
                String survivor = ids.stream().filter(id -> old.equals(before.get(id)))
                        .collect(Collectors.groupingBy(after::get, TreeMap::new, Collectors.counting()))
                        .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                customers.get(old).mergeInto(customers.get(survivor), now);
                goldenRecords.clear(old);
                absorbedBy.computeIfAbsent(survivor, s -> new TreeSet<>()).add(old);
                em.persist(new CustomerEvent(old, ChangeType.CUSTOMER_MERGED, now, List.of(survivor), null, null, null));
            }
        }

        List<CustomerChange> changes = new ArrayList<>();
        // the golden records of all the component's customers read in one statement and written in one go
        Map<String, List<GoldenRecords.StoredValue>> storedValues = goldenRecords.storedOf(members.keySet());
        List<GoldenRecords.Rebuild> rebuilds = new ArrayList<>();
        members.forEach((customerId, memberIds) -> {
            Customer customer = customers.get(customerId);
            boolean existed = before.containsValue(customerId);
            Set<String> cameFrom = new TreeSet<>();
            Set<String> wentTo = new TreeSet<>();
            boolean linked = false;
            boolean updated = false;
            for (long id : memberIds) {
                if (arrived.contains(id)) {
                    linked = true;
                } else if (!customerId.equals(before.get(id))) {
                    cameFrom.add(before.get(id));
                }
                updated |= changed.contains(id);
            }
            for (long id : ids) {
                if (!arrived.contains(id) && customerId.equals(before.get(id)) && !customerId.equals(after.get(id))) {
                    wentTo.add(after.get(id));
                }
            }
            ChangeType type;
            List<String> related;
            if (absorbedBy.containsKey(customerId)) {
                type = ChangeType.CUSTOMER_MERGED;
                related = List.copyOf(absorbedBy.get(customerId));
            } else if (!existed && cameFrom.isEmpty()) {
                type = ChangeType.CUSTOMER_CREATED;
                related = List.of();
            } else if (!cameFrom.isEmpty() || !wentTo.isEmpty()) {
                type = ChangeType.CUSTOMER_SPLIT;
                Set<String> all = new LinkedHashSet<>(cameFrom);
                all.addAll(wentTo);
                related = List.copyOf(all);
            } else if (linked) {
                type = ChangeType.RECORD_LINKED;
                related = List.of();
            } else if (updated) {
                type = ChangeType.RECORD_UPDATED;
                related = List.of();
            } else {
                return;
            }
            customer.touch(now);
            List<GoldenRecords.Member> goldenMembers = new ArrayList<>(memberIds.size());
            memberIds.forEach(id -> goldenMembers.add(GoldenRecords.Member.of(rows.get(id), standardized.get(id))));
            rebuilds.add(new GoldenRecords.Rebuild(customer, goldenMembers, storedValues.getOrDefault(customerId, List.of())));
            CustomerChange change = new CustomerChange(customerId, type, related);
            changeEvents.publish(change, cause, now);
            changes.add(change);
        });
        goldenRecords.store(rebuilds);
        return changes;
    }
}
