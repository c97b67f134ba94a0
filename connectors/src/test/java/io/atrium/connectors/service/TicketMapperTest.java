package io.atrium.connectors.service;

import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketMapperTest {

    static final String TICKET = """
            {"ticketId":"T20260301-0001","event":"created",
             "caller":{"name":"陈先生","phone":"138 0013 8000"},
             "channel":"phone","category":"complaint","subject":"电梯故障","project":"翠湖花园",
             "createdAt":"2026-03-01T10:15:30+08:00","closedAt":null,"satisfaction":null}""";

    @Test
    void ticketBringsItsCallerWithAWeakNameAndTheTicket() {
        CanonicalMessage message = TicketMapper.map(TICKET);

        assertEquals("T20260301-0001", message.getParty().getSourceId());
        assertEquals("陈先生", message.getParty().getName());
        assertEquals(true, message.getParty().getAttributes().get(TicketMapper.WEAK_NAME));
        assertEquals(List.of("翠湖花园"), message.getParty().projects(), "the ticket's project, evidence for the matcher");
        PartyFact ticket = message.getFacts().get(0);
        assertEquals("complaint", ticket.getData().get("category"));
        assertEquals("电梯故障", ticket.getData().get("subject"));
        assertNull(ticket.getData().get("satisfaction"));
    }

    @Test
    void aTicketIsVersionedByTheLatestTimeItsEventStates() {
        assertEquals(Instant.parse("2026-03-01T02:15:30Z"), TicketMapper.map(TICKET).getFacts().get(0).getUpdatedAt(), "created");
        CanonicalMessage closed = TicketMapper.map(TICKET.replace("\"closedAt\":null", "\"closedAt\":\"2026-03-02T10:00:00+08:00\""));
        assertEquals(Instant.parse("2026-03-02T02:00:00Z"), closed.getFacts().get(0).getUpdatedAt(), "closed");
        assertEquals(Instant.parse("2026-03-02T02:00:00Z"), closed.getParty().getUpdatedAt(), "the caller as stated by the ticket");
        CanonicalMessage changed = TicketMapper.map(TICKET.replace("\"closedAt\":null", "\"updatedAt\":\"2026-03-01T11:00:00+08:00\""));
        assertEquals(Instant.parse("2026-03-01T03:00:00Z"), changed.getFacts().get(0).getUpdatedAt(), "a change time sent with it");
    }

    @Test
    void anAnonymousWalkInsTicketIsAFactWithoutParty() {
        for (String caller : List.of("{}", "{\"name\":\" \",\"phone\":null}", "null")) {
            CanonicalMessage message = TicketMapper.map(
                    TICKET.replace("{\"name\":\"陈先生\",\"phone\":\"138 0013 8000\"}", caller).replace("\"phone\",", "\"walk-in\","));

            assertNull(message.getParty(), caller);
            PartyFact ticket = message.getFacts().get(0);
            assertEquals("T20260301-0001", ticket.getFactId());
            assertNull(ticket.getPartySourceId(), "names no party");
            assertEquals("walk-in", ticket.getData().get("channel"));
        }
        assertNull(TicketMapper.map(TICKET.replace(",\n \"caller\":{\"name\":\"陈先生\",\"phone\":\"138 0013 8000\"}", "")).getParty(),
                "no caller at all");
    }

    @Test
    void aCompanyCallerIsAnOrganizationAPersonAPerson() {
        assertEquals(PartyKind.PERSON, TicketMapper.map(TICKET).getParty().getKind());
        assertEquals(PartyKind.ORGANIZATION, TicketMapper.map(TICKET.replace("陈先生", "蓝海文化传播有限公司")).getParty().getKind());
    }

    @Test
    void honorificOnlyNamesAreTold() {
        assertTrue(TicketMapper.isHonorificOnly("王女士"));
        assertTrue(TicketMapper.isHonorificOnly("欧阳 先生"));
        assertTrue(TicketMapper.isHonorificOnly("李总"));
        assertFalse(TicketMapper.isHonorificOnly("陈美玲"));
        assertFalse(TicketMapper.isHonorificOnly("Mr Chen"));
        assertFalse(TicketMapper.isHonorificOnly("王先生明"));
    }

    @Test
    void invalidBodiesAreRejectedWithTheirReason() {
        assertReason("body is not valid JSON (line 1, column 2)", "{x");
        assertReason("ticketId is empty", TICKET.replace("T20260301-0001", ""));
        assertReason("caller is not an object", TICKET.replace("{\"name\":\"陈先生\",\"phone\":\"138 0013 8000\"}", "\"陈先生\""));
        assertReason("satisfaction is not a whole number from 1 to 5", TICKET.replace("\"satisfaction\":null", "\"satisfaction\":6"));
        assertTrue(assertThrows(InvalidRecordException.class, () -> TicketMapper.map(TICKET.replace("\"phone\",", "\"fax\",")))
                .getMessage().startsWith("channel has an unknown value"));
    }

    private static void assertReason(String reason, String body) {
        assertEquals(reason, assertThrows(InvalidRecordException.class, () -> TicketMapper.map(body)).getMessage());
    }
}
