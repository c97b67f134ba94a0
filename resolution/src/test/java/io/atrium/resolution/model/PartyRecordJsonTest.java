package io.atrium.resolution.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartyRecordJsonTest {

    @Test
    void readsTheSpecExampleAndKeepsUnknownFieldsAsAttributes() {
        PartyRecord r = PartyRecordJson.read("""
                {"source":"crm-legacy","sourceId":"C-77","kind":"PERSON","name":"Zhang Wei",
                 "phones":["13800138000"],"idType":"CN_RESIDENT","idNumber":"110105198507150016",
                 "birthDate":"1985-07-15","updatedAt":"2026-03-01T02:15:30Z","vipLevel":3}""");
        assertEquals("crm-legacy/C-77", r.key());
        assertEquals(PartyKind.PERSON, r.getKind());
        assertEquals(List.of("13800138000"), r.getPhones());
        assertEquals(LocalDate.of(1985, 7, 15), r.getBirthDate());
        assertEquals(Instant.parse("2026-03-01T02:15:30Z"), r.getUpdatedAt());
        assertEquals(3, r.getAttributes().get("vipLevel"));
        assertTrue(PartyRecordJson.write(r).contains("\"vipLevel\":3"));
    }

    @Test
    void refusesMissingKeysAndBadValuesWithoutEchoingThem() {
        assertEquals("missing required field 'sourceId'",
                assertThrows(InvalidRecordException.class, () -> PartyRecordJson.read("{\"source\":\"x\"}")).getMessage());
        String reason = assertThrows(InvalidRecordException.class,
                () -> PartyRecordJson.read("{\"source\":\"x\",\"sourceId\":\"1\",\"birthDate\":\"13800138000\"}")).getMessage();
        assertEquals("invalid value for field 'birthDate'", reason);
        assertTrue(assertThrows(InvalidRecordException.class, () -> PartyRecordJson.read("{\"source\":"))
                .getMessage().startsWith("malformed JSON"));
    }
}
