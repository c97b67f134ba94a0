package io.atrium.resolution.rows;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyTextTest {

    private enum State { ACTIVE }

    private static String row(Object... values) {
        StringBuilder out = new StringBuilder();
        CopyText.appendRow(out, values);
        return out.toString();
    }

    @Test
    void valuesAreSeparatedByTabsAndTheRowEndsWithANewline() {
        assertEquals("1\tACTIVE\t2026-12-01\n", row(1L, State.ACTIVE, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void tabsNewlinesCarriageReturnsAndBackslashesInsideAValueAreEscaped() {
        assertEquals("a\\tb\\nc\\rd\\\\e\n", row("a\tb\nc\rd\\e"));
    }

    @Test
    void nullIsTheNullMarkerAndTheTextBackslashNIsNot() {
        assertEquals("\\N\t\\\\N\t\n", row(null, "\\N", ""));
    }

    @Test
    void chineseAndOtherNonAsciiTextGoesUnchanged() {
        assertEquals("王芳\t深圳市南山区 𠀀\tJosé\n", row("王芳", "深圳市南山区 𠀀", "José"));
    }

    @Test
    void aNulIsRefusedNamingTheColumnButNotTheValue() {
        StringBuilder out = new StringBuilder();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CopyText.appendRow(out, "ok", "13800138000\0"));
        assertTrue(refused.getMessage().contains("value 2"), refused.getMessage());
        assertTrue(refused.getMessage().contains("NUL"), refused.getMessage());
        assertFalse(refused.getMessage().contains("13800138000"), refused.getMessage());
    }
}
