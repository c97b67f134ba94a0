package io.atrium.hub.resolve;

import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ContentHashTest {

    private static String record(String name, Instant updatedAt) {
        PartyRecord record = new PartyRecord();
        record.setSource("sales");
        record.setSourceId("C0001");
        record.setKind(PartyKind.PERSON);
        record.setName(name);
        record.setPhones(List.of("13800138000"));
        record.setUpdatedAt(updatedAt);
        return PartyRecordJson.write(record);
    }

    @Test
    void aRecordDeliveredAgainInANewerVersionHasTheSameContentHash() {
        Instant first = Instant.parse("2026-11-30T08:00:00Z");
        assertEquals(ContentHash.ofContent(record("张伟", first)), ContentHash.ofContent(record("张伟", first.plusSeconds(90))));
        assertEquals(ContentHash.ofContent(record("张伟", null)), ContentHash.ofContent(record("张伟", first)));
    }

    @Test
    void anyOtherChangeChangesIt() {
        Instant at = Instant.parse("2026-11-30T08:00:00Z");
        assertNotEquals(ContentHash.ofContent(record("张伟", at)), ContentHash.ofContent(record("张玮", at)));
    }
}
