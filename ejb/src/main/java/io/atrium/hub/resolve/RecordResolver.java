package io.atrium.hub.resolve;

import io.atrium.hub.customer.ChangeType;
import io.atrium.hub.customer.Customer;
import io.atrium.hub.customer.CustomerEvent;
import io.atrium.hub.customer.CustomerStatus;
import io.atrium.hub.customer.MatchKey;
import io.atrium.hub.customer.MatchKeyType;
import io.atrium.hub.customer.SourceRecord;
import io.atrium.hub.events.ChangeEvents;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stores one canonical record and links it to a customer, in the caller's transaction:
 * an unchanged or older version changes nothing; a record sharing a key with several
 * customers merges them into the oldest, whose id survives.
 */
@Stateless
public class RecordResolver {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    GoldenRecords goldenRecords;

    @Inject
    ChangeEvents changeEvents;

    public ResolutionOutcome resolve(PartyRecord record) {
        Instant now = Instant.now();
        String payload = PartyRecordJson.write(record);
        String hash = ContentHash.of(payload);
        SourceRecord stored = findSourceRecord(record.getSource(), record.getSourceId());
        if (stored != null && (hash.equals(stored.getContentHash()) || isOlder(record, stored))) {
            return ResolutionOutcome.unchanged(stored.getCustomerId());
        }

        Map<MatchKeyType, Set<String>> keys = ExactMatchKeys.of(record);
        Set<String> candidateIds = customersSharing(keys);
        if (stored != null) {
            candidateIds.add(survivorOf(stored.getCustomerId()));
        }
        List<Customer> candidates = lockInIdOrder(candidateIds);
        candidates.sort(Comparator.comparing(Customer::getCreatedAt).thenComparing(Customer::getId));

        Customer target;
        ChangeType change;
        List<String> mergedIds = new ArrayList<>();
        if (candidates.isEmpty()) {
            target = Customer.create(record.getKind(), now);
            em.persist(target);
            change = ChangeType.CUSTOMER_CREATED;
        } else {
            target = candidates.get(0);
            for (Customer absorbed : candidates.subList(1, candidates.size())) {
                mergeInto(absorbed, target, now);
                mergedIds.add(absorbed.getId());
            }
            change = !mergedIds.isEmpty() ? ChangeType.CUSTOMER_MERGED
                    : stored == null ? ChangeType.RECORD_LINKED : ChangeType.RECORD_UPDATED;
            target.touch(now);
        }

        if (stored == null) {
            stored = new SourceRecord(record.getSource(), record.getSourceId());
            stored.setCustomerId(target.getId());
            stored.replace(payload, hash, record.getUpdatedAt(), now);
            em.persist(stored);
        } else {
            stored.setCustomerId(target.getId());
            stored.replace(payload, hash, record.getUpdatedAt(), now);
        }
        replaceKeys(stored, keys);
        em.flush();
        goldenRecords.rebuild(target);
        em.persist(new CustomerEvent(target.getId(), change, now, null, record.getSource(), record.getSourceId()));

        ResolutionOutcome outcome = new ResolutionOutcome(target.getId(), change, List.copyOf(mergedIds));
        changeEvents.publish(outcome, record.getSource(), record.getSourceId(), now);
        return outcome;
    }

    private void mergeInto(Customer absorbed, Customer survivor, Instant now) {
        em.createQuery("update SourceRecord r set r.customerId = :survivor where r.customerId = :absorbed")
                .setParameter("survivor", survivor.getId())
                .setParameter("absorbed", absorbed.getId())
                .executeUpdate();
        em.createQuery("delete from GoldenField g where g.customerId = :absorbed")
                .setParameter("absorbed", absorbed.getId())
                .executeUpdate();
        absorbed.mergeInto(survivor, now);
        em.persist(new CustomerEvent(absorbed.getId(), ChangeType.CUSTOMER_MERGED, now, survivor.getId(), null, null));
        em.persist(new CustomerEvent(survivor.getId(), ChangeType.CUSTOMER_MERGED, now, absorbed.getId(), null, null));
    }

    private Set<String> customersSharing(Map<MatchKeyType, Set<String>> keys) {
        Set<String> ids = new TreeSet<>();
        keys.forEach((type, values) -> ids.addAll(em.createQuery(
                        "select distinct r.customerId from MatchKey k, SourceRecord r "
                                + "where k.sourceRecordId = r.id and k.keyType = :type and k.keyValue in :values", String.class)
                .setParameter("type", type)
                .setParameter("values", values)
                .getResultList()));
        Set<String> survivors = new TreeSet<>();
        ids.forEach(id -> survivors.add(survivorOf(id)));
        return survivors;
    }

    /** Follows merge pointers to the customer that is still active. */
    private String survivorOf(String customerId) {
        Customer customer = em.find(Customer.class, customerId);
        while (customer.getStatus() == CustomerStatus.MERGED) {
            customer = em.find(Customer.class, customer.getMergedInto());
        }
        return customer.getId();
    }

    /** Locks in a fixed order so that two nodes merging the same customers cannot deadlock. */
    private List<Customer> lockInIdOrder(Set<String> ids) {
        List<Customer> locked = new ArrayList<>();
        new TreeSet<>(ids).forEach(id -> locked.add(em.find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE)));
        return locked;
    }

    private void replaceKeys(SourceRecord stored, Map<MatchKeyType, Set<String>> keys) {
        em.createQuery("delete from MatchKey k where k.sourceRecordId = :id")
                .setParameter("id", stored.getId())
                .executeUpdate();
        keys.forEach((type, values) -> values.forEach(value -> em.persist(new MatchKey(type, value, stored.getId()))));
    }

    private SourceRecord findSourceRecord(String source, String sourceId) {
        return em.createQuery("select r from SourceRecord r where r.source = :source and r.sourceId = :sourceId", SourceRecord.class)
                .setParameter("source", source)
                .setParameter("sourceId", sourceId)
                .getResultStream().findFirst().orElse(null);
    }

    private static boolean isOlder(PartyRecord record, SourceRecord stored) {
        return record.getUpdatedAt() != null && stored.getRecordUpdatedAt() != null
                && record.getUpdatedAt().isBefore(stored.getRecordUpdatedAt());
    }

}
