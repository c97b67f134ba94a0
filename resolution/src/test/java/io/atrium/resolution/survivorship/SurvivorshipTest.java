package io.atrium.resolution.survivorship;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SurvivorshipTest {

    private final Survivorship survivorship = new Survivorship(MatchSettings.defaults());

    private final StandardizedRecord caller = Fixtures.standardized("""
            {"source":"service","sourceId":"T1","name":"张先生","phones":["8613800138000"],"updatedAt":"2026-03-01T00:00:00Z"}""");
    private final StandardizedRecord member = Fixtures.standardized("""
            {"source":"membership","sourceId":"M1","name":"张伟","phones":["13900139000"],"birthDate":"1985-07-15",
             "idNumber":"110105198507150017","emails":["new@example.com"],"updatedAt":"2026-02-01T00:00:00Z"}""");
    private final StandardizedRecord buyer = Fixtures.standardized("""
            {"source":"sales","sourceId":"S1","name":"張偉","phones":["13800138000"],"idNumber":"110105198507150016",
             "emails":["old@example.com"],"updatedAt":"2024-01-01T00:00:00Z"}""");
    private final StandardizedRecord olderMember = Fixtures.standardized("""
            {"source":"membership","sourceId":"M0","name":"张伟","emails":["older@example.com"],"address":"北京市朝阳区","updatedAt":"2025-01-01T00:00:00Z"}""");

    @Test
    void validBeforeInvalidThenTrustedSourceThenRecentWithLineage() {
        GoldenRecord golden = survivorship.golden(List.of(caller, member, buyer, olderMember));

        assertEquals(new GoldenValue("张伟", new RecordKey("sales", "S1")), golden.best(GoldenAttribute.NAME),
                "the weak caller name loses although newest; sales is the most trusted source");
        assertEquals(new GoldenValue("CN_RESIDENT:110105198507150016", new RecordKey("sales", "S1")),
                golden.best(GoldenAttribute.ID), "a valid identifier beats a newer invalid one");
        assertEquals(new GoldenValue("1985-07-15", new RecordKey("sales", "S1")), golden.best(GoldenAttribute.BIRTH_DATE),
                "the birth date the valid identifier encodes, from the most trusted source");
        assertEquals(new GoldenValue("北京市朝阳区", new RecordKey("membership", "M0")), golden.best(GoldenAttribute.ADDRESS),
                "empty values never survive: the only address wins");
        assertEquals(List.of(new GoldenValue("old@example.com", new RecordKey("sales", "S1")),
                        new GoldenValue("new@example.com", new RecordKey("membership", "M1")),
                        new GoldenValue("older@example.com", new RecordKey("membership", "M0"))),
                golden.all(GoldenAttribute.EMAIL), "trust first, then recency within a source");
        assertEquals(new GoldenValue("+8613800138000", new RecordKey("sales", "S1")), golden.best(GoldenAttribute.PHONE),
                "one value per distinct phone, from the best source that has it");
        assertEquals(2, golden.all(GoldenAttribute.PHONE).size());
    }
}
