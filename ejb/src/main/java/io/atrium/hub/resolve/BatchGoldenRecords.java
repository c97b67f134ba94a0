package io.atrium.hub.resolve;

import io.atrium.hub.customer.Customer;
import io.atrium.hub.resolve.GoldenRecords.Member;
import io.atrium.hub.resolve.GoldenRecords.Rebuild;
import io.atrium.hub.resolve.GoldenRecords.StoredValue;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden records of the customers a resolver batch's records simply join or create, stored together: the stored
 * values of all of them read in one statement (the customer ids one array parameter) instead of a statement a record,
 * and written in one go ({@link GoldenRecords#store}). {@link RecordResolver} leaves such a customer's golden record
 * here and has it stored by difference when the batch is done, or before it clears the persistence context, which a
 * record that updates or re-partitions does before it reads on: so a re-partition reads the golden values as stored,
 * and the customers here are still managed when survivorship sets their kind. Exact: each customer is locked until the commit by the record that left it here, and nothing else in
 * the transaction reads golden values meanwhile. A customer changed twice is built once, from the members the later
 * record saw (the earlier record's among them); one the batch created has no stored values, and is not read.
 * <p>
 * Part of a transaction's {@link ResolverTransaction.State}.
 */
public class BatchGoldenRecords implements Serializable {

    /** The statements behind it: {@link GoldenRecords}. */
    interface Store {
        /** The stored golden values of these customers, by customer id (those with none are left out). */
        Map<String, List<StoredValue>> storedOf(Collection<String> customerIds);

        /** Stores these golden records, each by difference with its stored values, in one write. */
        void store(List<Rebuild> rebuilds);
    }

    private record Change(Customer customer, List<Member> members, boolean created) {
    }

    private final Map<String, Change> changed = new LinkedHashMap<>();

    /**
     * The customer now has these members (all of them, each with its standardized form).
     *
     * @param created whether this transaction created it
     */
    void changed(Customer customer, List<Member> members, boolean created) {
        Change earlier = changed.get(customer.getId());
        changed.put(customer.getId(), new Change(customer, members, created || earlier != null && earlier.created()));
    }

    /** Stores the golden records left here (one read for all those stored before the batch, one write), and forgets them. */
    void store(Store store) {
        if (changed.isEmpty()) {
            return;
        }
        List<String> stored = changed.values().stream().filter(change -> !change.created()).map(change -> change.customer().getId()).toList();
        Map<String, List<StoredValue>> values = stored.isEmpty() ? Map.of() : store.storedOf(stored);
        store.store(changed.values().stream()
                .map(change -> new Rebuild(change.customer(), change.members(), values.getOrDefault(change.customer().getId(), List.of())))
                .toList());
        changed.clear();
    }
}
