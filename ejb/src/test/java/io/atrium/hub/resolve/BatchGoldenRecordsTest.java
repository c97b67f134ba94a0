package io.atrium.hub.resolve;

import io.atrium.hub.customer.Customer;
import io.atrium.hub.resolve.GoldenRecords.Member;
import io.atrium.hub.resolve.GoldenRecords.Rebuild;
import io.atrium.hub.resolve.GoldenRecords.StoredValue;
import io.atrium.resolution.model.PartyKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A batch's golden records end as the rebuild per record would leave them, the stored values of all its customers read
 * in one statement, a customer changed twice in the batch included.
 */
class BatchGoldenRecordsTest {

    /** The stored golden values (here: one a member, its source id), by customer; and the statements run. */
    private final Map<String, List<String>> database = new TreeMap<>();
    private final List<String> statements = new ArrayList<>();

    private final BatchGoldenRecords.Store store = new BatchGoldenRecords.Store() {
        @Override
        public Map<String, List<StoredValue>> storedOf(Collection<String> customerIds) {
            statements.add("golden values of " + new TreeSet<>(customerIds));
            Map<String, List<StoredValue>> stored = new TreeMap<>();
            customerIds.stream().filter(database::containsKey).forEach(id -> stored.put(id, values(id, database.get(id))));
            return stored;
        }

        @Override
        public void store(List<Rebuild> rebuilds) {
            statements.add("golden values written of " + rebuilds.size());
            for (Rebuild rebuild : rebuilds) {
                assertEquals(database.getOrDefault(rebuild.customer().getId(), List.of()),
                        rebuild.stored().stream().map(StoredValue::value).toList(), "the values as stored, none for a customer not stored");
                database.put(rebuild.customer().getId(), rebuild.members().stream().map(Member::payload).sorted().toList());
            }
        }
    };

    /** The rebuild per record: the customer's stored values read as it is changed, and written. */
    private void rebuildNow(Customer customer, List<Member> members) {
        store.store(List.of(new Rebuild(customer, members,
                store.storedOf(List.of(customer.getId())).getOrDefault(customer.getId(), List.of()))));
    }

    private static List<StoredValue> values(String customerId, List<String> values) {
        return values.stream().map(value -> new StoredValue(0, customerId, "name", 0, value, "crm", value)).toList();
    }

    /** Members told apart by their payloads, here a source id each: the fake store needs no form. */
    private static List<Member> members(String... sourceIds) {
        return Arrays.stream(sourceIds).map(sourceId -> new Member(null, sourceId)).toList();
    }

    private static Customer customer() {
        return Customer.create(PartyKind.PERSON, Instant.now());
    }

    @Test
    void aBatchStoresTheGoldenRecordsPerRecordReadsWouldInOneRead() {
        Customer joined = customer();
        Customer joinedTwice = customer();
        Customer created = customer();
        database.put(joined.getId(), List.of("1"));
        database.put(joinedTwice.getId(), List.of("2"));
        Map<String, List<String>> before = new TreeMap<>(database);

        // per record: a record joins `joined`, one creates `created`, two join `joinedTwice` (the later seeing the earlier)
        rebuildNow(joined, members("1", "a"));
        rebuildNow(created, members("b"));
        rebuildNow(joinedTwice, members("2", "c"));
        rebuildNow(joinedTwice, members("2", "c", "d"));
        Map<String, List<String>> perRecord = new TreeMap<>(database);
        assertEquals(8, statements.size(), "a read and a write a record");

        database.clear();
        database.putAll(before);
        statements.clear();
        BatchGoldenRecords batch = new BatchGoldenRecords();
        batch.changed(joined, members("1", "a"), false);
        batch.changed(created, members("b"), true);
        batch.changed(joinedTwice, members("2", "c"), false);
        batch.changed(joinedTwice, members("2", "c", "d"), false);
        batch.store(store);

        assertEquals(perRecord, database);
        assertEquals(List.of("golden values of " + new TreeSet<>(List.of(joined.getId(), joinedTwice.getId())),
                        "golden values written of 3"), statements,
                "one read (the customer the batch created left out) and one write");
    }

    @Test
    void aCustomerCreatedAndJoinedInTheBatchIsNeverRead() {
        Customer created = customer();
        BatchGoldenRecords batch = new BatchGoldenRecords();
        batch.changed(created, members("a"), true);
        batch.changed(created, members("a", "b"), false);
        batch.store(store);

        assertEquals(List.of("golden values written of 1"), statements, "nothing read");
        assertEquals(Map.of(created.getId(), List.of("a", "b")), database);
    }

    @Test
    void whatIsStoredMidBatchIsReadAsStoredByALaterChange() {
        Customer created = customer();
        BatchGoldenRecords batch = new BatchGoldenRecords();
        batch.changed(created, members("a"), true);
        // a record that re-partitions clears the persistence context: what the batch left is stored first
        batch.store(store);
        batch.changed(created, members("a", "b"), false);
        batch.store(store);
        batch.store(store);

        assertEquals(List.of("golden values written of 1", "golden values of [" + created.getId() + "]", "golden values written of 1"),
                statements, "read once, after it was stored; nothing left, nothing read or written");
        assertEquals(Map.of(created.getId(), List.of("a", "b")), database);
    }
}
