package io.atrium.hub.profile;

import io.atrium.client.InvalidQueryException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineCursorTest {

    @Test
    void aCursorComesBackAsTheSamePositionToTheNanosecond() {
        TimelineCursor cursor = new TimelineCursor(Instant.parse("2026-03-01T02:15:30.123456789Z"), 4711);
        assertEquals(cursor, TimelineCursor.decode(cursor.encode()));
        assertTrue(cursor.encode().matches("[A-Za-z0-9_-]+"), "safe in a URL as it is");
    }

    @Test
    void aFactWithoutATimeHasACursorToo() {
        TimelineCursor cursor = new TimelineCursor(null, 12);
        assertEquals(cursor, TimelineCursor.decode(cursor.encode()));
    }

    @Test
    void textTheHubDidNotIssueIsRefusedWithAReason() {
        for (String bad : new String[] {"abc", "!!!", "MTIz", "eC8x", "LS94"}) {
            InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> TimelineCursor.decode(bad), bad);
            assertTrue(refused.getMessage().contains("cursor"));
        }
    }
}
