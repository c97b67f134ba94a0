package io.atrium.connectors.common;

import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The values a mapped message may hold, at the limits of the hub's columns and in nested attributes and data. */
class StorableValuesTest {

    private static CanonicalMessage party(String json) {
        return CanonicalMessage.of(PartyRecordJson.read(json));
    }

    private static String refusal(CanonicalMessage message) {
        return assertThrows(InvalidRecordException.class, () -> StorableValues.check(message)).getMessage();
    }

    @Test
    void keysMayFillTheirColumnsAndNoMore() {
        StorableValues.check(party("{\"source\":\"crm\",\"sourceId\":\"" + "9".repeat(128) + "\"}"));
        assertEquals("sourceId has 129 characters, more than the 128 the hub stores",
                refusal(party("{\"source\":\"crm\",\"sourceId\":\"" + "9".repeat(129) + "\"}")));
        assertEquals("source has 65 characters, more than the 64 the hub stores",
                refusal(party("{\"source\":\"" + "c".repeat(65) + "\",\"sourceId\":\"1\"}")));
    }

    @Test
    void decodedControlCharactersAndHalfSurrogatesAreRefusedWhereverTheyAreNamingTheFieldNotTheValue() {
        assertEquals("phones holds the control character U+0000 at character 4",
                refusal(party("{\"source\":\"crm\",\"sourceId\":\"1\",\"phones\":[\"138\\u00000013\"]}")));
        assertEquals("address holds half of a surrogate pair (U+D800) at character 3",
                refusal(party("{\"source\":\"crm\",\"sourceId\":\"1\",\"address\":\"北京\\ud800\"}")));
        assertEquals("attribute 'notes' holds the control character U+0007 at character 1",
                refusal(party("{\"source\":\"crm\",\"sourceId\":\"1\",\"notes\":{\"list\":[\"\\u0007\"]}}")));
        // a key that is not a plain name could be anything the source wrote: it is not quoted
        assertEquals("a key of attribute holds the control character U+0000 at character 4",
                refusal(party("{\"source\":\"crm\",\"sourceId\":\"1\",\"张伟 \\u0000\":1}")));
        assertEquals("a key of attribute holds the control character U+0001 at character 1",
                refusal(party("{\"source\":\"crm\",\"sourceId\":\"1\",\"张伟 13800138000\":{\"\\u0001\":1}}")));
        StorableValues.check(party("{\"source\":\"crm\",\"sourceId\":\"1\",\"name\":\"Zhang\\tWei\\n\",\"notes\":\"𠀀 ok\"}"));
    }

    @Test
    void aFactsDataIsBoundedAsTheJsonItIsStoredAs() {
        PartyFact fact = new PartyFact("crm", FactType.TICKET, "T-1", "1");
        fact.with("subject", "\"".repeat(49_990));
        StorableValues.check(new CanonicalMessage(null, List.of(fact)));
        fact.with("subject", "\"".repeat(50_000));
        assertEquals("fact data has 100014 characters as JSON, more than the 100000 the hub stores",
                refusal(new CanonicalMessage(null, List.of(fact))));
        PartyFact nested = new PartyFact("crm", FactType.TICKET, "T-2", null).with("units", List.of(Map.of("unit", "3\u0000")));
        assertEquals("fact data 'units' holds the control character U+0000 at character 2",
                refusal(new CanonicalMessage(null, List.of(nested))));
        assertEquals("factId has 161 characters, more than the 160 the hub stores",
                refusal(new CanonicalMessage(null, List.of(new PartyFact("crm", FactType.TICKET, "T".repeat(161), "1")))));
        StorableValues.check(new CanonicalMessage(new PartyRecord(), List.of()));
    }
}
