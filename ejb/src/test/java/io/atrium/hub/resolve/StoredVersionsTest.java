package io.atrium.hub.resolve;

import io.atrium.hub.customer.StoredContent;
import io.atrium.resolution.model.RecordKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch's stored versions answer what the query per record would have, the batch's own records included. */
class StoredVersionsTest {

    /** What is stored, and the statements the batch ran: one a batch, whatever its sources. */
    private final Map<RecordKey, Long> database = new TreeMap<>(Map.of(
            new RecordKey("crm", "1"), 101L, new RecordKey("crm", "2"), 102L, new RecordKey("pos", "1"), 201L));
    private final List<String> statements = new ArrayList<>();

    private Map<RecordKey, StoredContent> idsOf(Collection<RecordKey> keys) {
        statements.add(keys.stream().map(key -> key.source() + ":" + key.sourceId()).toList().toString());
        Map<RecordKey, StoredContent> ids = new TreeMap<>();
        keys.forEach(key -> {
            Long stored = database.get(key);
            if (stored != null) {
                ids.put(key, new StoredContent(stored, "content of " + stored));
            }
        });
        return ids;
    }

    @Test
    void aBatchReadsWhichOfItsRecordsAreStoredInOneStatement() {
        StoredVersions versions = new StoredVersions();
        versions.read(List.of(new RecordKey("crm", "2"), new RecordKey("crm", "1"), new RecordKey("pos", "1"),
                new RecordKey("crm", "9"), new RecordKey("crm", "2")), this::idsOf);

        assertEquals(List.of("[crm:2, crm:1, pos:1, crm:9]"), statements, "each key once, the sources together");
        assertEquals(101L, versions.idOf(new RecordKey("crm", "1")));
        assertEquals(102L, versions.idOf(new RecordKey("crm", "2")));
        assertEquals(201L, versions.idOf(new RecordKey("pos", "1")));
        assertNull(versions.idOf(new RecordKey("crm", "9")), "not stored");
    }

    @Test
    void aRecordTheBatchStoresIsFoundByItsLaterVersionInTheSameBatch() {
        StoredVersions versions = new StoredVersions();
        RecordKey arriving = new RecordKey("crm", "9");
        versions.read(List.of(arriving, arriving), this::idsOf);
        assertNull(versions.idOf(arriving));

        versions.stored(arriving, 109L);

        assertEquals(109L, versions.idOf(arriving));
        versions.read(List.of(arriving), this::idsOf);
        assertEquals(List.of("[crm:9]"), statements, "a key read once is not read again");
        assertEquals(109L, versions.idOf(arriving));
    }

    @Test
    void theRecordsStoredForTheFirstTimeAreCountedOnceEach() {
        StoredVersions versions = new StoredVersions();
        RecordKey found = new RecordKey("crm", "1");
        RecordKey arriving = new RecordKey("crm", "9");
        versions.read(List.of(found, arriving), this::idsOf);
        assertEquals(0, versions.storedFirst());

        versions.stored(arriving, 109L);
        versions.stored(arriving, 109L);
        versions.stored(new RecordKey("pos", "7"), 207L);

        assertEquals(2, versions.storedFirst(), "the frequency snapshot counts each new record once");
    }

    @Test
    void aRecordTheBatchDidNotReadIsNeverAnsweredAsNotStored() {
        StoredVersions versions = new StoredVersions();
        versions.read(List.of(new RecordKey("crm", "1")), this::idsOf);

        assertThrows(IllegalStateException.class, () -> versions.idOf(new RecordKey("crm", "2")));
    }

    @Test
    void theContentFoundIsTheStoredRecordsAsTheBatchReadIt() {
        StoredVersions versions = new StoredVersions();
        RecordKey stored = new RecordKey("crm", "1");
        RecordKey arriving = new RecordKey("crm", "9");
        versions.read(List.of(stored, arriving), this::idsOf);

        assertTrue(versions.foundWithContent(stored, "content of 101"));
        assertFalse(versions.foundWithContent(stored, "content of 102"), "another content");
        assertFalse(versions.foundWithContent(arriving, "content of 101"), "not stored");
    }
}
