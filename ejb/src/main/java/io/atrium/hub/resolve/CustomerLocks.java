package io.atrium.hub.resolve;

import io.atrium.hub.customer.Customer;
import io.atrium.hub.customer.JpaSourceRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnitUtil;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Customers are locked before their records or links are read for a change: whoever changes which
 * records a customer holds (the resolver, a steward) holds the row locks of every customer involved
 * until commit, so nothing it read can change underneath it. Locks are taken in id order, so two
 * transactions wanting the same customers queue instead of deadlocking; a transaction that finds more
 * customers after locking locks those too (the database detects the rare deadlock this allows, and the
 * delivery is retried). Locked customers are read as they are locked: what the persistence context held may be stale.
 */
@ApplicationScoped
public class CustomerLocks {

    /**
     * As SQL, not JPQL: Hibernate cannot keep the translation of a query with a lock mode and an IN list whose size
     * varies, and translated it anew on every call (half of this method's time, a twentieth of the resolver's).
     */
    private static final String LOCK_IN_ID_ORDER = "select * from customer where id = any(?) order by id for update";

    /** The tables a native query reads: an automatic flush then writes only what it could see. */
    private static final String NATIVE_QUERY_SPACES = "org.hibernate.query.native.spaces";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    /**
     * Locks these customers and answers them, as committed now: those not yet read in this transaction in one
     * statement, in id order, which reads them as it locks them; one already in the persistence context (read
     * earlier, perhaps before another transaction's commit) is read again as it is locked.
     */
    public Map<String, Customer> lock(Collection<String> customerIds) {
        Map<String, Customer> locked = new TreeMap<>();
        PersistenceUnitUtil persistence = em.getEntityManagerFactory().getPersistenceUnitUtil();
        List<String> unread = new ArrayList<>();
        for (String id : new TreeSet<>(customerIds)) {
            // the managed instance if there is one, else an unloaded reference (no statement)
            Customer inContext = em.getReference(Customer.class, id);
            if (persistence.isLoaded(inContext)) {
                em.refresh(inContext, LockModeType.PESSIMISTIC_WRITE);
                locked.put(id, inContext);
            } else {
                unread.add(id);
            }
        }
        if (unread.size() == 1) {
            // the common case (a record joining one customer): the entity's own loader, built once for the lock mode,
            // where the statement below has its result mapped anew on every call (a twentieth of the resolver's time)
            Customer customer = em.find(Customer.class, unread.get(0), LockModeType.PESSIMISTIC_WRITE);
            if (customer != null) {
                locked.put(customer.getId(), customer);
            }
        } else if (!unread.isEmpty()) {
            List<?> rows = em.createNativeQuery(LOCK_IN_ID_ORDER, Customer.class)
                    .setParameter(1, unread.toArray(String[]::new))
                    .setHint(NATIVE_QUERY_SPACES, "customer")
                    .getResultList();
            rows.forEach(row -> locked.put(((Customer) row).getId(), (Customer) row));
        }
        return locked;
    }

    /**
     * Locks the customers holding these records, and again those holding them after the first locks
     * (a record may have moved before they were granted), until every holder is locked. Call it before
     * loading the records as entities: one loaded earlier keeps the state it was loaded with.
     */
    public Map<String, Customer> lockHoldersOf(Collection<Long> recordIds) {
        return lockUntilStable(() -> new HashSet<>(sourceRecords.customersOf(recordIds)), () -> { });
    }

    /**
     * Locks the customers {@code involved} answers, then asks it again, since what it read before the
     * locks were granted may have changed, and locks what it names anew, until it names no unlocked
     * customer.
     *
     * @param involved     reads what is committed now and answers the customers involved
     * @param afterLocking run after each round of locks: entities read before it may hold stale state
     * @return the customers locked, by id
     */
    public Map<String, Customer> lockUntilStable(Supplier<Set<String>> involved, Runnable afterLocking) {
        Map<String, Customer> locked = new TreeMap<>();
        while (true) {
            Set<String> unlocked = new HashSet<>(involved.get());
            unlocked.removeAll(locked.keySet());
            if (unlocked.isEmpty()) {
                return locked;
            }
            locked.putAll(lock(unlocked));
            afterLocking.run();
        }
    }
}
