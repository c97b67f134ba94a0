package io.atrium.hub.resolve;

import io.atrium.hub.match.RecordHash;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a resolver read could meet a record stored earlier in the batch and not flushed. */
class UnflushedRecordsTest {

    private static final StandardizedRecord STORED = standardized("""
            {"source":"crm","sourceId":"1","name":"陈美玲","idNumber":"440301198507150026","phones":["138-0013-8000"]}""");
    private static final StandardizedRecord SAME_PHONE = standardized("""
            {"source":"pos","sourceId":"9","name":"李强","phones":["138-0013-8000"]}""");
    private static final StandardizedRecord NOTHING_SHARED = standardized("""
            {"source":"pos","sourceId":"7","name":"王建国","phones":["139-1234-5678"],"email":"wjg@example.cn"}""");

    private static StandardizedRecord standardized(String json) {
        return Standardizer.standardize(PartyRecordJson.read(json));
    }

    private static List<Long> blockingKeyHashes(StandardizedRecord record) {
        return RecordHashes.of(record).entrySet().stream()
                .filter(e -> e.getValue() == RecordHash.BLOCKING_KEY).map(e -> e.getKey()).toList();
    }

    @Test
    void aLaterVersionACandidateOrACustomerOfAnUnflushedRecordMeetsIt() {
        UnflushedRecords unflushed = new UnflushedRecords();
        unflushed.add(STORED, Set.of("c-1"));

        assertTrue(unflushed.holds(new RecordKey("crm", "1")));
        assertFalse(unflushed.holds(new RecordKey("crm", "2")));
        assertTrue(unflushed.shareKey(blockingKeyHashes(SAME_PHONE)), "the shared phone's key finds the stored record");
        assertFalse(unflushed.shareKey(blockingKeyHashes(NOTHING_SHARED)));
        assertTrue(unflushed.involve(Set.of("c-2", "c-1")));
        assertFalse(unflushed.involve(Set.of("c-2")));
    }

    @Test
    void valueHashesAreNotKeysTheCandidatesAreReadBy() {
        UnflushedRecords unflushed = new UnflushedRecords();
        unflushed.add(STORED, Set.of("c-1"));
        List<Long> valueHashes = RecordHashes.of(STORED).entrySet().stream()
                .filter(e -> e.getValue() != RecordHash.BLOCKING_KEY).map(e -> e.getKey()).toList();

        assertFalse(valueHashes.isEmpty());
        assertFalse(unflushed.shareKey(valueHashes), "a common value (a gender, a birth year) must not force a flush");
    }

    @Test
    void afterAFlushNothingIsMet() {
        UnflushedRecords unflushed = new UnflushedRecords();
        unflushed.add(STORED, Set.of("c-1"));
        unflushed.flushed();

        assertFalse(unflushed.holds(STORED.key()));
        assertFalse(unflushed.shareKey(blockingKeyHashes(STORED)));
        assertFalse(unflushed.involve(Set.of("c-1")));
    }
}
