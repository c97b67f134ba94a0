package io.atrium.resolution.crosswalk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CrosswalkCsvTest {

    @Test
    void plainFieldsStayUnquoted() {
        assertEquals("sales,S-1,C-1\n", CrosswalkCsv.row("sales", "S-1", "C-1"));
    }

    @Test
    void aFieldWithACommaQuoteOrLineBreakIsQuotedWithItsQuotesDoubled() {
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\"\n", CrosswalkCsv.row("a,b", "say \"hi\"", "x\r\ny"));
    }
}
