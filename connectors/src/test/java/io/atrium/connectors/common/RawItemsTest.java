package io.atrium.connectors.common;

import io.atrium.resolution.model.InvalidRecordException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RawItemsTest {

    private static final String ROW =
            "L-00017,个人,陳美玲,,138-0013-8000,身份证,440301198507150026,,LC-2024-0031,翠湖花园,3栋1502,2024/3/1,2026/2/28,\"12,500.00\",执行中";

    @Test
    void aNulByteIsRefusedWithItsPositionAndNotTheContent() {
        InvalidRecordException refused = assertThrows(InvalidRecordException.class,
                () -> NativeFormats.map(InputFormat.LEASING_CSV_ROW, ROW.replace("陳美玲", "陳\0美玲"), "tenants_20260301101530.csv line 2"));
        assertEquals("holds the control character U+0000 at character 13", refused.getMessage());
    }

    @Test
    void anOversizedItemIsRefusedWithItsLength() {
        String huge = ROW.replace("陳美玲", "陳".repeat(RawItems.MAX_LENGTH));
        InvalidRecordException refused = assertThrows(InvalidRecordException.class, () -> RawItems.check(huge));
        assertEquals("item has " + huge.length() + " characters, more than the 100000 a source item may have", refused.getMessage());
    }

    @Test
    void tabsAndLineEndsOfXmlAndJsonItemsPass() {
        assertDoesNotThrow(() -> RawItems.check("<memberEvent>\r\n\t<name>张伟</name>\n</memberEvent>"));
        assertDoesNotThrow(() -> NativeFormats.map(InputFormat.LEASING_CSV_ROW, ROW, "tenants_20260301101530.csv line 2"));
    }
}
