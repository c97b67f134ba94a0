package io.atrium.resolution.standardize;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardizerTest {

    @Test
    void everyFieldIsStandardizedOnceAndBirthDataComesFromAValidResidentId() {
        StandardizedRecord r = Fixtures.standardized("""
                {"source":"leasing","sourceId":"L-1","name":"陳 美玲","phones":["138-0013-8000","0755-86001234"],
                 "idNumber":"440301850715002","emails":[" MeiLing@Example.COM"],"address":"  深圳市 福田区 ","weakName":false}""");
        assertEquals(PartyKind.PERSON, r.kind());
        assertEquals("陈美玲", r.hanName());
        assertEquals(IdType.CN_RESIDENT, r.idType());
        assertEquals("440301198507150026", r.idNumber());
        assertTrue(r.idValid());
        assertEquals(LocalDate.of(1985, 7, 15), r.birthDate());
        assertEquals("F", r.gender());
        assertEquals(List.of("+8613800138000"), r.mobiles());
        assertEquals(List.of("+8675586001234"), r.landlines());
        assertEquals(List.of("meiling@example.com"), r.emails());
        assertEquals("深圳市 福田区", r.address());
    }

    @Test
    void weakNameAttributeAndHonorificGender() {
        StandardizedRecord caller = Fixtures.standardized("""
                {"source":"service","sourceId":"T-1","name":"陈先生","phones":["138 0013 8000"]}""");
        assertTrue(caller.weakName());
        assertEquals("M", caller.gender());
        StandardizedRecord marked = Fixtures.standardized("""
                {"source":"service","sourceId":"T-2","name":"陈","weakName":true}""");
        assertTrue(marked.weakName());
    }

    @Test
    void companiesAreRecognizedWithoutAKind() {
        StandardizedRecord company = Fixtures.standardized("""
                {"source":"leasing","sourceId":"L-2","name":"深圳市翠湖置业有限公司","idNumber":"91440300MA5DC12341"}""");
        assertEquals(PartyKind.ORGANIZATION, company.kind());
        assertEquals(IdType.USCC, company.idType());
        assertTrue(company.idValid());
        assertEquals("翠湖置业", company.orgCore());
        assertFalse(company.weakName());
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        for (var record : Fixtures.population()) {
            StandardizedRecord standardized = Standardizer.standardize(record);
            assertEquals(standardized, StandardizedRecordJson.read(StandardizedRecordJson.write(standardized)));
        }
    }
}
