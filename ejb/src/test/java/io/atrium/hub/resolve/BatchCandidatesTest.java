package io.atrium.hub.resolve;

import io.atrium.hub.customer.StoredForm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A batch's candidates answer what the query per record would, the batch's own records included. */
class BatchCandidatesTest {

    /** The stored records: id to row, and id to its blocking-key hashes; and the statements run. */
    private final Map<Long, StoredForm> stored = new TreeMap<>();
    private final Map<Long, Set<Long>> keys = new HashMap<>();
    private final List<String> statements = new ArrayList<>();

    private final BatchCandidates.Reads reads = new BatchCandidates.Reads() {
        @Override
        public Map<Long, List<Long>> idsUnder(Collection<Long> hashes) {
            statements.add("ids under " + new TreeSet<>(hashes));
            Map<Long, List<Long>> under = new TreeMap<>();
            keys.forEach((id, hashesOfId) -> hashesOfId.stream().filter(hashes::contains)
                    .forEach(hash -> under.computeIfAbsent(hash, h -> new ArrayList<>()).add(id)));
            return under;
        }

        @Override
        public List<StoredForm> withIds(Collection<Long> ids) {
            statements.add("rows " + new TreeSet<>(ids));
            return ids.stream().filter(stored::containsKey).map(stored::get).toList();
        }

        @Override
        public List<StoredForm> under(Collection<Long> hashes, int max) {
            statements.add("per record " + new TreeSet<>(hashes));
            return perRecord(hashes);
        }
    };

    private void store(long id, String customer, String form, Long... hashes) {
        stored.put(id, new StoredForm(id, customer, form));
        keys.put(id, Set.of(hashes));
    }

    /** The query per record, in id order. */
    private List<StoredForm> perRecord(Collection<Long> hashes) {
        return stored.values().stream().filter(row -> keys.get(row.id()).stream().anyMatch(hashes::contains)).toList();
    }

    private static List<StoredForm> sorted(List<StoredForm> rows) {
        return rows.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    @Test
    void theBatchReadAnswersWhatEachRecordWouldHaveReadInTwoStatements() {
        store(1, "c-1", "f1", 10L, 11L);
        store(2, "c-1", "f2", 11L);
        store(3, "c-2", "f3", 12L);
        store(4, "c-3", "f4", 13L);
        BatchCandidates batch = new BatchCandidates();

        batch.read(List.of(10L, 11L, 12L, 14L), 100, reads);

        assertEquals(List.of("ids under [10, 11, 12, 14]", "rows [1, 2, 3]"), statements, "each record read once");
        for (List<Long> hashes : List.of(List.of(10L), List.of(11L), List.of(10L, 12L), List.of(14L), List.of(10L, 11L, 12L))) {
            assertEquals(perRecord(hashes), sorted(batch.under(hashes, 100, reads)), "under " + hashes);
        }
        assertEquals(2, statements.size(), "no statement for keys the batch read");
        assertEquals(perRecord(List.of(13L)), batch.under(List.of(13L), 100, reads), "a key it did not read is read per record");
    }

    @Test
    void theBatchsOwnRecordsAndTheirLaterVersionsAreFoundAsStored() {
        store(1, "c-1", "f1", 10L);
        BatchCandidates batch = new BatchCandidates();
        batch.read(List.of(10L, 11L, 12L), 100, reads);

        store(5, "c-9", "f5", 10L, 11L);
        batch.stored(5, "c-9", "f5", List.of(10L, 11L, 99L));
        assertEquals(perRecord(List.of(10L)), sorted(batch.under(List.of(10L), 100, reads)), "a new record of the batch");
        assertEquals(perRecord(List.of(11L)), batch.under(List.of(11L), 100, reads));

        store(5, "c-9", "f5 again", 12L);
        batch.stored(5, "c-9", "f5 again", List.of(12L));
        for (long hash : List.of(10L, 11L, 12L)) {
            assertEquals(perRecord(List.of(hash)), sorted(batch.under(List.of(hash), 100, reads)), "its later version, under " + hash);
        }

        store(1, "c-1", "f1 updated", 12L);
        batch.stored(1, "c-1", "f1 updated", List.of(12L));
        assertEquals(perRecord(List.of(10L)), batch.under(List.of(10L), 100, reads), "a stored record the batch updated left its key");
        assertEquals(perRecord(List.of(12L)), sorted(batch.under(List.of(12L), 100, reads)));
    }

    @Test
    void afterTheCustomerLocksTheCandidatesAreReadAgainAsCommittedNow() {
        store(1, "c-1", "f1", 10L);
        store(2, "c-2", "f2", 10L);
        BatchCandidates batch = new BatchCandidates();
        batch.read(List.of(10L), 100, reads);

        store(1, "c-7", "f1", 10L);
        statements.clear();
        assertEquals(perRecord(List.of(10L)), sorted(batch.underAsCommitted(List.of(10L), 100, Set.of(1L, 2L), reads)), "another customer now");
        assertEquals(List.of("rows [1, 2]"), statements, "by id, not by key");
        assertEquals("c-7", batch.under(List.of(10L), 100, reads).stream().filter(r -> r.id() == 1).findFirst().orElseThrow().customerId(),
                "the index keeps what it read last");

        store(2, "c-2", "f2 updated by another transaction", 11L);
        statements.clear();
        assertEquals(perRecord(List.of(10L)), batch.underAsCommitted(List.of(10L), 100, Set.of(1L, 2L), reads), "an updated candidate: its keys may have changed");
        assertEquals(List.of("rows [1, 2]", "per record [10]"), statements);
    }

    @Test
    void afterTheCustomerLocksOnlyTheCandidatesTheRecordLinksToAreReadAgain() {
        store(1, "c-1", "f1", 10L);
        store(2, "c-2", "f2", 10L);
        BatchCandidates batch = new BatchCandidates();
        batch.read(List.of(10L), 100, reads);

        store(1, "c-7", "f1", 10L);
        store(2, "c-8", "f2", 10L);
        statements.clear();
        List<StoredForm> current = sorted(batch.underAsCommitted(List.of(10L), 100, Set.of(2L), reads));
        assertEquals(List.of("rows [2]"), statements, "the linked candidate alone");
        assertEquals(List.of("c-1", "c-8"), current.stream().map(StoredForm::customerId).toList(),
                "the linked one as committed now, the other as the batch read it");

        statements.clear();
        assertEquals(2, batch.underAsCommitted(List.of(10L), 100, Set.of(), reads).size());
        assertEquals(List.of(), statements, "a record linking to none reads nothing again");
    }

    @Test
    void eachKeyIsReadAtMostAsFarAsTheCap() {
        for (long id = 1; id <= 5; id++) {
            store(id, "c-" + id, "f" + id, 10L);
        }
        BatchCandidates batch = new BatchCandidates();
        batch.read(List.of(10L), 3, reads);

        assertEquals(3, batch.under(List.of(10L), 100, reads).size());
        assertEquals(2, batch.under(List.of(10L), 2, reads).size());
    }
}
