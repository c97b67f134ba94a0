package io.atrium.resolution.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConflictEvidenceTest {

    /** cells[field disagrees][identifier differs]. */
    private static long[][] cells(long agree, long fieldDisagrees, long idDiffers, long both) {
        return new long[][] {{agree, idDiffers}, {fieldDisagrees, both}};
    }

    @Test
    void aFewPairsThatFitSlipsDoNotWeighAConflict() {
        // twelve pairs, as the integration suite's 1,456 records showed: slips would explain 1.8 of both together
        assertFalse(ConflictEvidence.slips(cells(5, 3, 3, 1)), "too few pairs to tell copies from twins");
        assertFalse(ConflictEvidence.slips(cells(9, 30, 30, 40)), "fewer than 10 pairs agree on both");
        assertFalse(ConflictEvidence.slips(cells(100, 9, 200, 10)), "fewer than 10 pairs show the field's slip alone");
        assertFalse(ConflictEvidence.slips(cells(100, 30, 30, 9)), "slips explain 9 pairs of both together");
    }

    @Test
    void enoughPairsThatFitSlipsWeighItAndAnExcessKeepsTheVeto() {
        assertTrue(ConflictEvidence.slips(cells(100, 10, 100, 10)), "every cell expects 10: copies");
        assertTrue(ConflictEvidence.slips(cells(600, 60, 100, 16)), "10 expected, within two deviations");
        assertFalse(ConflictEvidence.slips(cells(600, 60, 100, 17)), "more than two deviations above: twins");
    }
}
