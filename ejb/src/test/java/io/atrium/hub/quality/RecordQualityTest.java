package io.atrium.hub.quality;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordQualityTest {

    private static RecordQuality quality(String json) {
        PartyRecord record = PartyRecordJson.read(json);
        return RecordQuality.of(record, Standardizer.standardize(record));
    }

    @Test
    void aValidResidentIdGivesBirthDateAndGenderAndCountsAsValid() {
        RecordQuality quality = quality("""
                {"source":"crm","sourceId":"1","name":"陈美玲","idNumber":"440301198507150026","phones":["138-0013-8000"]}""");
        assertTrue(quality.person());
        assertEquals(RecordQuality.IdState.VALID, quality.idNumber());
        assertEquals(LocalDate.of(1985, 7, 15), quality.birthDate());
        assertEquals("F", quality.gender());
        assertNotNull(quality.nameHash());
        assertEquals(1, quality.validPhones());
        assertEquals(0, quality.invalidPhones());
        assertFalse(quality.email());
    }

    @Test
    void aNumberFailingItsCheckIsInvalidAndGivesNothingElse() {
        RecordQuality quality = quality("""
                {"source":"crm","sourceId":"1","name":"陈美玲","idType":"CN_RESIDENT","idNumber":"440301198507150027"}""");
        assertEquals(RecordQuality.IdState.INVALID, quality.idNumber());
        assertNull(quality.birthDate());
        assertNull(quality.gender(), "a 陈美玲 says no gender, and an invalid ID is not read");
    }

    @Test
    void phonesTheEngineCannotVerifyOrReadAreInvalid() {
        // a mainland mobile written twice, a landline, a foreign number in international form (verified),
        // a number no rule accepts (kept unverified) and one too short to be a phone (dropped)
        RecordQuality quality = quality("""
                {"source":"crm","sourceId":"1","name":"Zhang Wei","emails":["ZW@example.com"],
                 "phones":["13800138000","+86 138 0013 8000","0755-86001234","+44 7018 777140","999999999999","12345",""]}""");
        assertEquals(3, quality.validPhones(), "distinct verified numbers");
        assertEquals(2, quality.invalidPhones());
        assertTrue(quality.email());
        assertEquals(RecordQuality.IdState.NONE, quality.idNumber());
    }

    @Test
    void nameSpellingsTheEngineReadsAsOneHashAlikeAndAnHonorificIsNoName() {
        assertEquals(quality("{\"source\":\"a\",\"sourceId\":\"1\",\"name\":\"張偉\"}").nameHash(),
                quality("{\"source\":\"a\",\"sourceId\":\"2\",\"name\":\"张 伟\"}").nameHash());
        assertNotEquals(quality("{\"source\":\"a\",\"sourceId\":\"1\",\"name\":\"张伟\"}").nameHash(),
                quality("{\"source\":\"a\",\"sourceId\":\"2\",\"name\":\"王芳\"}").nameHash());
        RecordQuality caller = quality("{\"source\":\"a\",\"sourceId\":\"3\",\"name\":\"陈先生\",\"weakName\":true}");
        assertNull(caller.nameHash());
        assertEquals("M", caller.gender());
    }

    @Test
    void aCompanyHasItsNameButNeitherBirthDateNorGender() {
        RecordQuality company = quality("""
                {"source":"crm","sourceId":"9","name":"深圳市翠湖置业有限公司","idNumber":"91440300MA5DC12341"}""");
        assertFalse(company.person());
        assertNotNull(company.nameHash());
        assertNull(company.birthDate());
        assertNull(company.gender());
    }
}
