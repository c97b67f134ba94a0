package io.atrium.hub.quality;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.resolve.ConflictLearning;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

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

    /**
     * The conflict learning reads only the rows whose quality columns show a person with a full name, an identifier and
     * a birth date ({@code JpaSourceRecordRepository.identifiedPersonFormsAfter}): every record that may count must
     * show them, or the hub would learn from fewer records than {@code hub-match} does.
     */
    @Test
    void everyRecordTheConflictLearningMayCountShowsAFullNameAnIdentifierAndABirthDate() {
        List<String> records = List.of(
                """
                {"source":"crm","sourceId":"1","name":"陈美玲","idNumber":"440301198507150026","address":"深圳市福田区翠湖花园3栋1502"}""",
                """
                {"source":"crm","sourceId":"2","name":"陈美玲","idType":"CN_RESIDENT","idNumber":"440301198507150027",
                 "birthDate":"1985-07-15","address":"深圳市福田区翠湖花园3栋1502"}""",
                """
                {"source":"febrl","sourceId":"3","name":"joel ryan","givenName":"joel","familyName":"ryan","idType":"OTHER",
                 "idNumber":"1690126","birthDate":"1989-05-26","address":"10 wallaby place delmar 2100 sa"}""",
                """
                {"source":"febrl","sourceId":"4","name":"joel ryan","idType":"OTHER","idNumber":"1690126",
                 "address":"10 wallaby place delmar 2100 sa"}""",
                """
                {"source":"service","sourceId":"5","name":"陈女士","idNumber":"440301198507150026","address":"深圳市福田区翠湖花园"}""",
                """
                {"source":"crm","sourceId":"6","kind":"ORGANIZATION","name":"深圳市翠湖置业有限公司","idType":"USCC",
                 "idNumber":"91440300MA5DC12341","address":"深圳市福田区"}""");
        int mayCount = 0;
        for (String json : records) {
            PartyRecord record = PartyRecordJson.read(json);
            StandardizedRecord standardized = Standardizer.standardize(record);
            RecordQuality quality = RecordQuality.of(record, standardized);
            if (ConflictLearning.mayCount(standardized)) {
                mayCount++;
                assertTrue(quality.person() && quality.nameHash() != null && quality.birthDate() != null
                        && quality.idNumber() != RecordQuality.IdState.NONE, json);
            }
        }
        assertEquals(3, mayCount, "the full records with a valid, an invalid and another type of identifier");
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
