package io.atrium.hub.resolve;

import io.atrium.hub.customer.Customer;
import io.atrium.resolution.model.PartyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rounds of {@link CustomerLocks#lockUntilStable}, over customers held in a map instead of the database's rows. */
class CustomerLocksTest {

    private static final class StoredCustomers extends CustomerLocks {
        final Map<String, Customer> stored = new TreeMap<>();

        StoredCustomers(String... ids) {
            for (String id : ids) {
                stored.put(id, Customer.create(PartyKind.PERSON, Instant.EPOCH));
            }
        }

        @Override
        public Map<String, Customer> lock(Collection<String> customerIds) {
            Map<String, Customer> locked = new TreeMap<>();
            customerIds.forEach(id -> {
                if (stored.containsKey(id)) {
                    locked.put(id, stored.get(id));
                }
            });
            return locked;
        }
    }

    @Test
    void aCustomerMergedAwaySinceItsIdWasReadIsLeftOutAndItsSuccessorLocked() {
        StoredCustomers customers = new StoredCustomers("B", "C");
        // the first round read a stale holder, A; the round after the locks reads B, as committed now
        Deque<Set<String>> rounds = new ArrayDeque<>(List.of(Set.of("A", "C"), Set.of("B", "C"), Set.of("B", "C")));
        Map<String, Customer> locked = customers.lockUntilStable(rounds::poll, () -> { });
        assertEquals(Set.of("B", "C"), locked.keySet());
    }

    @Test
    @Timeout(5)
    void aRecordHeldByACustomerThatIsNotStoredFailsInsteadOfLoopingForever() {
        StoredCustomers customers = new StoredCustomers("C");
        assertThrows(IllegalStateException.class, () -> customers.lockUntilStable(() -> Set.of("A", "C"), () -> { }));
    }
}
