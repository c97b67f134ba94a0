package io.atrium.resolution.match;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which disagreements a population's own candidate pairs show to be slips, not two people: learned without labels,
 * from the same comparison patterns {@link WeightLearning} counts.
 * <p>
 * Between two records of one address whose identifiers (not both validated) differ, another given name of the same
 * family name at the same birth date is what a copy with two fields replaced looks like, and what twins look like. The
 * pairs tell them apart by how often the two disagreements come together. Among pairs of one birth date and address,
 * count those whose names agree and identifiers agree (a), whose names disagree and identifiers agree (bName), whose
 * names agree and identifiers differ (bId), and whose names and identifiers both disagree (d). Where the two slips
 * befall a record independently, as a clerk's do, d is close to bName * bId / a. Twins add pairs to d alone (their
 * given names and identifiers always differ, their other fields always agree), so a population with twins, or with
 * households of one birth date, shows d above that. The disagreement is weighed, not vetoed, only when d lies within
 * two Poisson standard deviations of the count slips explain, and every one of the four counts is large enough for
 * that test to mean something ({@link #MIN_PAIRS}); otherwise the veto stays. The same for another birth date among
 * pairs whose names agree (father and son of one name add pairs of another birth date and another identifier alone).
 * <p>
 * Both constants are set a priori, from what the test assumes, not from any population: two standard deviations
 * (about 2 % of twin-free populations keep the veto by chance), and the floor of {@value #MIN_PAIRS} pairs below. No
 * constant here was fitted to a labeled set.
 */
public final class ConflictEvidence {

    /** How far above the slips' expected count the pairs of both disagreements may lie, in Poisson standard deviations. */
    private static final double TOLERANCE = 2;

    /**
     * The pairs each count must hold, and slips must explain, before a disagreement may be weighed: the evidence floor.
     * The test reads d as a Poisson count around the expected b_field * b_id / a and bounds it with a normal
     * approximation (expected + 2 standard deviations), which textbooks take to hold from a mean of about 10; below it
     * the bound is loose (at 1 expected pair it allows 3, three times what slips explain, so a handful of twins passes
     * unseen) and the expected count is itself a ratio of a few pairs (its relative error about the square root of
     * 1/a + 1/b_field + 1/b_id). So a, b_field and b_id must each hold at least 10 pairs and slips must explain at least
     * 10 pairs of both together: every cell of the 2 x 2 table expects 10 where slips are independent. A population too
     * small to show that (the hub's first records, a small file) keeps the veto, as a population without the slips does.
     * Set from the approximation's usual rule, not from any population's figures.
     */
    static final int MIN_PAIRS = 10;

    private final long[][] nameCells = new long[2][2];
    private final long[][] birthDateCells = new long[2][2];

    /** Counts one distinct comparison pattern seen {@code count} times among the candidate pairs. */
    public void add(long pattern, long count) {
        int id = WeightLearning.level(pattern, FieldKind.ID_NUMBER);
        int name = WeightLearning.level(pattern, FieldKind.NAME);
        int birthDate = WeightLearning.level(pattern, FieldKind.BIRTH_DATE);
        if (!unvalidated(id) || !addressAgrees(WeightLearning.level(pattern, FieldKind.ADDRESS)) || name == 0 || birthDate == 0) {
            return;
        }
        int idDiffers = id == level(ComparisonLevel.DIFFERENT) ? 1 : 0;
        boolean nameAgrees = nameAgrees(name);
        boolean birthDateAgrees = birthDate != level(ComparisonLevel.DIFFERENT);
        // one part of the name replaced, the other agreeing (PARTIAL), the birth date to the day
        if (birthDate == level(ComparisonLevel.EXACT) && (nameAgrees || name == level(ComparisonLevel.PARTIAL))) {
            nameCells[nameAgrees ? 0 : 1][idDiffers] += count;
        }
        if (nameAgrees) {
            birthDateCells[birthDateAgrees ? 0 : 1][idDiffers] += count;
        }
    }

    /** The fields whose disagreement these pairs show to be a slip. */
    public Set<FieldKind> weighed() {
        Set<FieldKind> weighed = EnumSet.noneOf(FieldKind.class);
        if (slips(nameCells)) {
            weighed.add(FieldKind.NAME);
        }
        if (slips(birthDateCells)) {
            weighed.add(FieldKind.BIRTH_DATE);
        }
        return weighed;
    }

    /** cells[field disagrees][identifier differs]: whether both disagreements together are no more than slips explain. */
    static boolean slips(long[][] cells) {
        if (cells[0][0] < MIN_PAIRS || cells[1][0] < MIN_PAIRS || cells[0][1] < MIN_PAIRS) {
            return false;
        }
        double expected = (double) cells[1][0] * cells[0][1] / cells[0][0];
        return expected >= MIN_PAIRS && cells[1][1] <= expected + TOLERANCE * Math.sqrt(expected);
    }

    private static boolean unvalidated(int id) {
        return id == level(ComparisonLevel.EXACT) || id == level(ComparisonLevel.TYPO) || id == level(ComparisonLevel.DIFFERENT);
    }

    private static boolean addressAgrees(int address) {
        return address == level(ComparisonLevel.EXACT) || address == level(ComparisonLevel.FUZZY_HIGH)
                || address == level(ComparisonLevel.FUZZY_LOW);
    }

    private static boolean nameAgrees(int name) {
        return name != level(ComparisonLevel.DIFFERENT) && name != level(ComparisonLevel.PARTIAL)
                && name != level(ComparisonLevel.SURNAME);
    }

    /** A level as a pattern slot holds it. */
    private static int level(ComparisonLevel level) {
        return level.ordinal() + 1;
    }
}
