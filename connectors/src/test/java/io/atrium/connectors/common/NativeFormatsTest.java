package io.atrium.connectors.common;

import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.PartyTypes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeFormatsTest {

    @Test
    void aCanonicalLineWithoutKindOrIdTypeGetsThemFromItsNumberAndName() {
        PartyRecord company = NativeFormats.map(InputFormat.CANONICAL_JSON, """
                {"source":"crm-legacy","sourceId":"C-78","name":"杭州市蓝海文化传播有限公司","idNumber":"91330100MA2CFL4X7N"}""", "test line 1").getParty();
        PartyRecord person = NativeFormats.map(InputFormat.CANONICAL_JSON, """
                {"source":"crm-legacy","sourceId":"C-77","name":"Zhang Wei","idNumber":"110105198507150016"}""", "test line 1").getParty();

        assertEquals(PartyKind.ORGANIZATION, company.getKind());
        assertEquals(IdType.USCC, company.getIdType());
        assertEquals(PartyKind.PERSON, person.getKind());
        assertEquals(IdType.CN_RESIDENT, person.getIdType());
    }

    @Test
    void aCanonicalLineWhoseTypeContradictsItsNumberFollowsTheNumber() {
        PartyRecord company = NativeFormats.map(InputFormat.CANONICAL_JSON, """
                {"source":"crm-legacy","sourceId":"C-79","kind":"PERSON","name":"蓝海","idType":"CN_RESIDENT","idNumber":"91330100MA2CFL4X7N"}""", "test line 1")
                .getParty();

        assertEquals(PartyKind.ORGANIZATION, company.getKind());
        assertEquals(IdType.USCC, company.getIdType());
        assertEquals("CN_RESIDENT", company.getAttributes().get(PartyTypes.SOURCE_ID_TYPE_ATTRIBUTE));
        assertEquals("PERSON", company.getAttributes().get(PartyTypes.SOURCE_KIND_ATTRIBUTE));
    }
}
