package io.atrium.connectors.membership;

import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberEventMapperTest {

    static final String POINTS_EVENT = """
            <memberEvent xmlns="urn:membership:event:1">
              <eventId>0b6f2f56-3c1e-4c55-9a8f-1d0b1a2c3d4e</eventId>
              <type>POINTS_EARNED</type>
              <occurredAt>2026-03-01T10:15:30+08:00</occurredAt>
              <member>
                <memberNo>M00012345</memberNo>
                <name>张伟</name>
                <mobile>+86 138 0013 8000</mobile>
                <birthday>1985-07-15</birthday>
                <gender>M</gender>
                <email/>
                <tier>GOLD</tier>
              </member>
              <points delta="120" balance="3400" reason="物业缴费"/>
            </memberEvent>""";

    @Test
    void aCompanyMemberIsAnOrganizationAPersonAPerson() {
        assertEquals(PartyKind.PERSON, MemberEventMapper.map(POINTS_EVENT).getParty().getKind());
        assertEquals(PartyKind.ORGANIZATION, MemberEventMapper.map(POINTS_EVENT.replace("张伟", "杭州市蓝海文化传播有限公司"))
                .getParty().getKind());
    }

    @Test
    void pointsEventBringsMemberMembershipAndPoints() {
        CanonicalMessage message = MemberEventMapper.map(POINTS_EVENT);

        assertEquals("M00012345", message.getParty().getSourceId());
        assertEquals(List.of("+86 138 0013 8000"), message.getParty().getPhones());
        assertTrue(message.getParty().getEmails().isEmpty(), "an empty <email/> is no email");
        assertEquals(Instant.parse("2026-03-01T02:15:30Z"), message.getParty().getUpdatedAt(), "versioned by the event time");
        PartyFact membership = message.getFacts().get(0);
        assertEquals(FactType.MEMBERSHIP, membership.getType());
        assertEquals("GOLD", membership.getData().get("tier"));
        assertEquals(Instant.parse("2026-03-01T02:15:30Z"), membership.getUpdatedAt());
        PartyFact points = message.getFacts().get(1);
        assertEquals(FactType.POINTS, points.getType());
        assertEquals("0b6f2f56-3c1e-4c55-9a8f-1d0b1a2c3d4e", points.getFactId(), "a repeated event is the same fact");
        assertEquals(120L, points.getData().get("delta"));
        assertEquals(3400L, points.getData().get("balance"));
    }

    @Test
    void cancellationEndsTheMembership() {
        String cancelled = POINTS_EVENT.replace("POINTS_EARNED", "CANCELLED").replaceAll("<points .*/>", "");
        CanonicalMessage message = MemberEventMapper.map(cancelled);
        assertEquals("CANCELLED", message.getFacts().get(0).getData().get("status"));
        assertEquals(1, message.getFacts().size());
    }

    @Test
    void invalidMessagesAreRejectedWithTheirReason() {
        assertReason("not well-formed XML, or it declares a DTD", "<memberEvent xmlns=\"urn:membership:event:1\"><eventId>");
        assertReason("root element is not memberEvent in namespace urn:membership:event:1", POINTS_EVENT.replace("urn:membership:event:1", "urn:other"));
        assertReason("member/memberNo is empty", POINTS_EVENT.replace("M00012345", ""));
        assertReason("points is missing on a POINTS_EARNED event", POINTS_EVENT.replaceAll("<points .*/>", ""));
        assertReason("points/@delta is not a whole number", POINTS_EVENT.replace("delta=\"120\"", "delta=\"lots\""));
        assertReason("message body is empty", " ");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + POINTS_EVENT.replace("张伟", "&x;");
        assertReason("not well-formed XML, or it declares a DTD", xxe);
    }

    private static void assertReason(String reason, String xml) {
        assertEquals(reason, assertThrows(InvalidRecordException.class, () -> MemberEventMapper.map(xml)).getMessage());
    }
}
