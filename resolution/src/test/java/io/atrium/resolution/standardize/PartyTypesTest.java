package io.atrium.resolution.standardize;

import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartyTypesTest {

    static final String CREDIT_CODE = "91330100MA2CFL4X7N";
    static final String RESIDENT_ID = "330106199003071236";
    /** 18 digits whose last passes both checks. */
    static final String BOTH_CHECKS = "110105198507151481";

    @Test
    void aCompanyNamedOwnerWithACreditCodeInTheResidentIdFieldIsAnOrganization() {
        PartyRecord owner = record(null, "杭州市蓝海文化传播有限公司", IdType.CN_RESIDENT, CREDIT_CODE);

        PartyTypes.complete(owner, "身份证");

        assertEquals(PartyKind.ORGANIZATION, owner.getKind());
        assertEquals(IdType.USCC, owner.getIdType());
        assertEquals("身份证", owner.getAttributes().get(PartyTypes.SOURCE_ID_TYPE_ATTRIBUTE));
    }

    @Test
    void theNumberAloneMakesACompanyAndTheDeclaredNameIsKeptWhenNoWordIsGiven() {
        PartyRecord party = record(null, "蓝海", IdType.CN_RESIDENT, CREDIT_CODE);

        PartyTypes.complete(party);

        assertEquals(PartyKind.ORGANIZATION, party.getKind());
        assertEquals("CN_RESIDENT", party.getAttributes().get(PartyTypes.SOURCE_ID_TYPE_ATTRIBUTE));
    }

    @Test
    void aStatedPersonWithAValidCreditCodeBecomesAnOrganizationAndKeepsWhatTheSourceSaid() {
        PartyRecord party = record(PartyKind.PERSON, "蓝海文化", null, CREDIT_CODE);

        PartyTypes.complete(party);

        assertEquals(PartyKind.ORGANIZATION, party.getKind());
        assertEquals(IdType.USCC, party.getIdType());
        assertEquals("PERSON", party.getAttributes().get(PartyTypes.SOURCE_KIND_ATTRIBUTE));
        assertFalse(party.getAttributes().containsKey(PartyTypes.SOURCE_ID_TYPE_ATTRIBUTE), "no type was declared");
    }

    @Test
    void aPersonWithAResidentIdStaysAPersonAndAgreeingTypesLeaveNoTrace() {
        PartyRecord person = record(null, "张伟", IdType.CN_RESIDENT, RESIDENT_ID);

        PartyTypes.complete(person, "身份证");

        assertEquals(PartyKind.PERSON, person.getKind());
        assertEquals(IdType.CN_RESIDENT, person.getIdType());
        assertTrue(person.getAttributes().isEmpty());
    }

    @Test
    void aNumberPassingNoCheckKeepsTheDeclaredTypeOrBecomesOther() {
        PartyRecord typo = record(null, "张伟", IdType.CN_RESIDENT, "330106199003071237");
        PartyRecord passport = record(null, "Zhang Wei", IdType.PASSPORT, "E12345678");
        PartyRecord undeclared = record(null, "张伟", null, "E12345678");

        PartyTypes.complete(typo);
        PartyTypes.complete(passport);
        PartyTypes.complete(undeclared);

        assertEquals(IdType.CN_RESIDENT, typo.getIdType());
        assertEquals(IdType.PASSPORT, passport.getIdType());
        assertEquals(IdType.OTHER, undeclared.getIdType());
        assertEquals(PartyKind.PERSON, undeclared.getKind());
    }

    @Test
    void aCompanyWithoutNumberIsKnownByItsNameAndAStatedKindIsKept() {
        PartyRecord company = record(null, "ACME Trading Co., Ltd.", null, null);
        PartyRecord statedPerson = record(PartyKind.PERSON, "蓝海文化传播有限公司", null, null);
        PartyRecord companyWithItsRepresentativesId = record(PartyKind.ORGANIZATION, "蓝海文化传播有限公司", null, RESIDENT_ID);

        PartyTypes.complete(company);
        PartyTypes.complete(statedPerson);
        PartyTypes.complete(companyWithItsRepresentativesId);

        assertEquals(PartyKind.ORGANIZATION, company.getKind());
        assertNull(company.getIdType());
        assertEquals(PartyKind.PERSON, statedPerson.getKind(), "only a number overrides a stated kind");
        assertEquals(PartyKind.ORGANIZATION, companyWithItsRepresentativesId.getKind());
        assertEquals(IdType.CN_RESIDENT, companyWithItsRepresentativesId.getIdType());
    }

    @Test
    void aNumberPassingBothChecksFollowsTheDeclaredTypeThenTheName() {
        assertEquals(Optional.of(IdType.USCC), IdNumbers.checkedType(BOTH_CHECKS, IdType.USCC));
        assertEquals(Optional.of(IdType.CN_RESIDENT), IdNumbers.checkedType(BOTH_CHECKS, IdType.PASSPORT));
        assertEquals(IdType.USCC, PartyTypes.complete(record(null, "北京某某咨询中心", null, BOTH_CHECKS)).getIdType());
        assertEquals(IdType.CN_RESIDENT, PartyTypes.complete(record(null, "张伟", null, BOTH_CHECKS)).getIdType());
        assertEquals(Optional.empty(), IdNumbers.checkedType("E12345678", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"杭州市蓝海文化传播有限公司", "蓝海控股集团", "北京天元律师事务所", "上海某某投资合伙企业（有限合伙）",
            "深圳市数据服务中心", "香港藍海文化傳播有限公司", "Acme Ltd", "Acme Co.", "Acme Inc", "Acme LLC", "Acme GmbH",
            "Acme Holdings Limited", "Baker & Partners LLP"})
    void companyNamesAreRecognized(String name) {
        assertTrue(OrganizationNames.looksLikeOrganization(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"张伟", "欧阳娜娜", "陈先生", "Zhang Wei", "Corinne Cohen", "Nicolas Incardona"})
    void personNamesAreNot(String name) {
        assertFalse(OrganizationNames.looksLikeOrganization(name));
    }

    private static PartyRecord record(PartyKind kind, String name, IdType idType, String idNumber) {
        PartyRecord record = new PartyRecord();
        record.setSource("test");
        record.setSourceId("1");
        record.setKind(kind);
        record.setName(name);
        record.setIdType(idType);
        record.setIdNumber(idNumber);
        return record;
    }
}
