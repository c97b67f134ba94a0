package io.atrium.hub.quarantine;

import io.atrium.connectors.common.InputFormat;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a rejected item holds, it can be stored, and replayed when it was kept whole. */
class QuarantinedItemTest {

    private static QuarantinedItem quarantined(String reason, String payload) {
        return new QuarantinedItem("leasing", InputFormat.LEASING_CSV_ROW, "tenants_20260301101530.csv line 3", reason,
                payload, Instant.now());
    }

    @Test
    void anItemAsItCameIsStoredAsItIs() {
        String row = "L-00017,个人,陳美玲,,138-0013-8000,身份证,440301198507150026,,\\N,翠湖花园";
        QuarantinedItem item = quarantined("reason", row);

        assertEquals(row, item.getPayload());
        assertEquals(Optional.of(row), item.originalPayload());
        assertNull(item.getPayloadTruncatedFrom());
    }

    @Test
    void nulAndUnpairedSurrogatesAreEscapedAndTheReplayGetsTheOriginalBack() {
        String row = "L-1,个人,陳\0美玲,C:\\u0000\\\\x,\uD800,\uDC00x,😀\0";
        QuarantinedItem item = quarantined("reason", row);

        assertFalse(StorableText.needsEscape(item.getPayload()), "nothing a text column refuses is left");
        assertEquals("L-1,个人,陳\\u0000美玲,C:\\\\u0000\\\\\\\\x,\\uD800,\\uDC00x,😀\\u0000", item.getPayload());
        assertEquals(Optional.of(row), item.originalPayload());
    }

    @Test
    void anItemLongerThanTheColumnKeepsItsHeadAndItsLengthAndCannotBeReplayed() {
        String line = "L-1,个人," + "陳".repeat(QuarantinedItem.PAYLOAD_LENGTH - 8) + "😀" + "x".repeat(5_000_000);
        QuarantinedItem item = quarantined("reason", line);

        assertEquals(QuarantinedItem.PAYLOAD_LENGTH - 1, item.getPayload().length(), "the emoji is not cut in half");
        assertTrue(line.startsWith(item.getPayload()));
        assertEquals(line.length(), item.getPayloadTruncatedFrom());
        assertEquals(Optional.empty(), item.originalPayload());
    }

    @Test
    void aReasonOrPositionTooLongIsCutWithItsLengthAndANulInItEscaped() {
        String reason = "column\0 " + "x".repeat(5000);
        QuarantinedItem item = quarantined(reason, "");

        assertEquals(QuarantinedItem.REASON_LENGTH, item.getReason().length());
        assertTrue(item.getReason().startsWith("column\\u0000 xxx"));
        assertTrue(item.getReason().endsWith("... [5008 characters]"));
        item.stillFails("y".repeat(2000));
        assertEquals(QuarantinedItem.REASON_LENGTH, item.getReason().length());
    }

    @Test
    void anItemWithoutPayloadOrReasonIsStoredEmpty() {
        QuarantinedItem item = quarantined(null, null);

        assertEquals("", item.getReason());
        assertEquals(Optional.of(""), item.originalPayload());
    }
}
