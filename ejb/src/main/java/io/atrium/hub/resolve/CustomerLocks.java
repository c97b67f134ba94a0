package io.atrium.hub.resolve;

import io.atrium.hub.customer.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Customers are locked before their records or links are read for a change: whoever changes which
 * records a customer holds (the resolver, a steward) holds the row locks of every customer involved
 * until commit, so nothing it read can change underneath it. Locks are taken in id order, so two
 * transactions wanting the same customers queue instead of deadlocking; a transaction that finds more
 * customers after locking locks those too (the database detects the rare deadlock this allows, and the
 * delivery is retried). Locked customers are re-read: what the persistence context held may be stale.
 */
@ApplicationScoped
public class CustomerLocks {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** Locks these customers in id order and answers them, as committed now. */
    public Map<String, Customer> lock(Collection<String> customerIds) {
        Map<String, Customer> locked = new TreeMap<>();
        for (String id : new TreeSet<>(customerIds)) {
            Customer customer = em.find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE);
            // a customer already in the context is locked but not re-read by find
            em.refresh(customer);
            locked.put(id, customer);
        }
        return locked;
    }

    /**
     * Locks the customers holding these records, and again those holding them after the first locks
     * (a record may have moved before they were granted), until every holder is locked. Call it before
     * loading the records as entities: one loaded earlier keeps the state it was loaded with.
     */
    public Map<String, Customer> lockHoldersOf(Collection<Long> recordIds) {
        Map<String, Customer> locked = new TreeMap<>();
        while (true) {
            Set<String> holders = new HashSet<>(em.createQuery(
                            "select r.customerId from SourceRecord r where r.id in :ids", String.class)
                    .setParameter("ids", recordIds).getResultList());
            holders.removeAll(locked.keySet());
            if (holders.isEmpty()) {
                return locked;
            }
            locked.putAll(lock(holders));
        }
    }
}
