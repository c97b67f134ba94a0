package io.atrium.hub.explain;

import io.atrium.client.Explanation;
import io.atrium.resolution.match.ComparisonLevel;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.Evidence;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.model.RecordKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A link's stored explanation line, as the engine writes it, read back as structured evidence. */
class StoredEvidenceTest {

    @Test
    void theEnginesLineGivesBackEachFieldLevelAndWeight() {
        MatchResult result = new MatchResult(new RecordKey("sales", "S-1"), new RecordKey("leasing", "a=b(+9.9) [x] total 1"),
                List.of(new Evidence(FieldKind.ID_NUMBER, ComparisonLevel.VALID_EXACT, 12.34, false),
                        new Evidence(FieldKind.NAME, ComparisonLevel.EXACT, 3.06, true),
                        new Evidence(FieldKind.BIRTH_DATE, ComparisonLevel.DIFFERENT, -7.5, false)),
                7.9, Decision.REVIEW, true);

        assertEquals(List.of(new Explanation.FieldEvidence("ID_NUMBER", "VALID_EXACT", 12.3, false),
                        new Explanation.FieldEvidence("NAME", "EXACT", 3.1, true),
                        new Explanation.FieldEvidence("BIRTH_DATE", "DIFFERENT", -7.5, false)),
                StoredEvidence.parse(result.explain()));
    }

    @Test
    void aLineWithoutEvidenceGivesNone() {
        assertEquals(List.of(), StoredEvidence.parse("cut befo"));
        assertEquals(List.of(), StoredEvidence.parse(null));
    }
}
