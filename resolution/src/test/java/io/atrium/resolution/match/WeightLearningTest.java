package io.atrium.resolution.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightLearningTest {

    private final MatchSettings configured = MatchSettings.defaults();

    private static long pattern(ComparisonLevel id, ComparisonLevel name, ComparisonLevel birthDate, ComparisonLevel address) {
        return WeightLearning.pattern(new FieldComparisons.Outcome[] {
                FieldComparisons.Outcome.of(FieldKind.ID_NUMBER, id), FieldComparisons.Outcome.of(FieldKind.NAME, name),
                FieldComparisons.Outcome.of(FieldKind.BIRTH_DATE, birthDate), null, null, null,
                FieldComparisons.Outcome.of(FieldKind.ADDRESS, address)}, false);
    }

    private static void add(List<Long> patterns, int count, long pattern) {
        for (int i = 0; i < count; i++) {
            patterns.add(pattern);
        }
    }

    /**
     * A population unlike ours: a thousand matches whose identifiers were never validated yet agree in nine of
     * ten, birth dates mistyped beyond a typo in about one in four; beside them a thousand namesakes of other
     * birth dates and addresses.
     */
    private static List<Long> sloppyBirthDates() {
        List<Long> patterns = new ArrayList<>();
        add(patterns, 560, pattern(ComparisonLevel.EXACT, ComparisonLevel.EXACT, ComparisonLevel.EXACT, ComparisonLevel.EXACT));
        add(patterns, 240, pattern(ComparisonLevel.EXACT, ComparisonLevel.EXACT, ComparisonLevel.DIFFERENT, ComparisonLevel.EXACT));
        add(patterns, 100, pattern(ComparisonLevel.EXACT, ComparisonLevel.FUZZY_HIGH, ComparisonLevel.EXACT, ComparisonLevel.DIFFERENT));
        add(patterns, 100, pattern(ComparisonLevel.DIFFERENT, ComparisonLevel.EXACT, ComparisonLevel.EXACT, ComparisonLevel.EXACT));
        add(patterns, 1000, pattern(ComparisonLevel.DIFFERENT, ComparisonLevel.EXACT, ComparisonLevel.DIFFERENT, ComparisonLevel.DIFFERENT));
        return patterns;
    }

    private static long[] array(List<Long> patterns) {
        return patterns.stream().mapToLong(Long::longValue).toArray();
    }

    private double weight(MatchSettings settings, FieldKind field, ComparisonLevel level) {
        return settings.level(field, level).weight();
    }

    @Test
    void aPopulationsOwnDisagreementsWeighLessThanTheConfiguredOnesSay() {
        WeightLearning.Learned learned = WeightLearning.learn(configured, array(sloppyBirthDates()));
        MatchSettings settings = learned.settings();

        // 240 matches in 1,000 with another birth date: m near 0.24 instead of the configured 0.05
        assertEquals(0.24, settings.level(FieldKind.BIRTH_DATE, ComparisonLevel.DIFFERENT).m(), 0.02);
        assertTrue(weight(settings, FieldKind.BIRTH_DATE, ComparisonLevel.DIFFERENT)
                > weight(configured, FieldKind.BIRTH_DATE, ComparisonLevel.DIFFERENT) + 2);
        // an unvalidated identifier that agrees in nine matches of ten: stronger than the configured four in ten
        assertTrue(settings.level(FieldKind.ID_NUMBER, ComparisonLevel.EXACT).m() > 0.8);
        assertTrue(weight(settings, FieldKind.ID_NUMBER, ComparisonLevel.EXACT)
                > weight(configured, FieldKind.ID_NUMBER, ComparisonLevel.EXACT) + 1);
        assertEquals(1000, learned.matchShare() * sloppyBirthDates().size(), 30, "the namesakes are told from the matches");
    }

    @Test
    void onlyMLearnsWhileChanceAgreementThresholdsAndFieldsTheDataLacksStayAsConfigured() {
        MatchSettings settings = WeightLearning.learn(configured, array(sloppyBirthDates())).settings();

        configured.fields().forEach((field, fieldSettings) -> fieldSettings.levels().forEach((level, levelSettings) -> {
            assertEquals(levelSettings.u(), settings.level(field, level).u(), field + " " + level);
            assertEquals(levelSettings.tf(), settings.level(field, level).tf(), field + " " + level);
        }));
        assertEquals(configured.mergeThreshold(), settings.mergeThreshold());
        assertEquals(configured.reviewThreshold(), settings.reviewThreshold());
        for (FieldKind absent : List.of(FieldKind.PHONE, FieldKind.EMAIL, FieldKind.GENDER, FieldKind.ORG_NAME)) {
            assertEquals(configured.fields().get(absent), settings.fields().get(absent), absent.name());
        }
        // a weak name's surname level keeps its own regime: no pair here had a surname-only name
        assertEquals(configured.level(FieldKind.NAME, ComparisonLevel.SURNAME), settings.level(FieldKind.NAME, ComparisonLevel.SURNAME));
    }

    @Test
    void theWeightsAreAFunctionOfThePairsNotOfTheirOrder() {
        List<Long> shuffled = sloppyBirthDates();
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(WeightLearning.learn(configured, array(sloppyBirthDates())),
                WeightLearning.learn(configured, array(shuffled)));
    }

    /**
     * Pairs of one birth date and address whose identifiers were never validated: 600 agree on name and identifier,
     * 60 show a given name replaced, 100 another identifier; slips that befall a record independently give both
     * together in about 60 * 100 / 600 = 10 pairs.
     */
    private static List<Long> slips(int bothReplaced) {
        List<Long> patterns = new ArrayList<>();
        add(patterns, 600, pattern(ComparisonLevel.EXACT, ComparisonLevel.EXACT, ComparisonLevel.EXACT, ComparisonLevel.EXACT));
        add(patterns, 60, pattern(ComparisonLevel.EXACT, ComparisonLevel.PARTIAL, ComparisonLevel.EXACT, ComparisonLevel.EXACT));
        add(patterns, 100, pattern(ComparisonLevel.DIFFERENT, ComparisonLevel.EXACT, ComparisonLevel.EXACT, ComparisonLevel.FUZZY_HIGH));
        add(patterns, bothReplaced, pattern(ComparisonLevel.DIFFERENT, ComparisonLevel.PARTIAL, ComparisonLevel.EXACT, ComparisonLevel.EXACT));
        add(patterns, 1000, pattern(ComparisonLevel.DIFFERENT, ComparisonLevel.EXACT, ComparisonLevel.DIFFERENT, ComparisonLevel.DIFFERENT));
        return patterns;
    }

    @Test
    void aGivenNameReplacedBesideAnotherIdentifierIsWeighedOnlyWhereSlipsExplainThePairs() {
        assertEquals(Set.of(FieldKind.NAME), WeightLearning.learn(configured, array(slips(12))).settings().weighedConflicts(),
                "12 pairs where slips explain 10: copies");
        assertEquals(Set.of(), WeightLearning.learn(configured, array(slips(40))).settings().weighedConflicts(),
                "30 pairs more than slips explain: twins of one address, the veto stays");
        assertTrue(configured.learnsConflicts(), "the shipped settings learn them");
        assertEquals(Set.of(FieldKind.BIRTH_DATE), WeightLearning.learn(configured.withWeighedConflicts(Set.of(FieldKind.BIRTH_DATE)),
                array(slips(12))).settings().weighedConflicts(), "settings that pin them keep them");
        // validated identifiers (resident IDs) never enter the count: their disagreement is a conflict of its own
        List<Long> validated = new ArrayList<>();
        add(validated, 600, pattern(ComparisonLevel.VALID_EXACT, ComparisonLevel.EXACT, ComparisonLevel.EXACT, ComparisonLevel.EXACT));
        add(validated, 60, pattern(ComparisonLevel.VALID_EXACT, ComparisonLevel.PARTIAL, ComparisonLevel.EXACT, ComparisonLevel.EXACT));
        add(validated, 100, pattern(ComparisonLevel.VALID_CONFLICT, ComparisonLevel.EXACT, ComparisonLevel.EXACT, ComparisonLevel.EXACT));
        assertEquals(Set.of(), WeightLearning.learn(configured, array(validated)).settings().weighedConflicts());
    }

    @Test
    void anotherBirthDateBesideAnotherIdentifierIsWeighedWhereSlipsExplainIt() {
        // sloppyBirthDates: 240 another birth date, 100 another identifier, none both, of 560 agreeing: slips, no fathers and sons
        assertTrue(WeightLearning.learn(configured, array(sloppyBirthDates())).settings().weighedConflicts()
                .contains(FieldKind.BIRTH_DATE));
        List<Long> fathersAndSons = sloppyBirthDates();
        add(fathersAndSons, 80, pattern(ComparisonLevel.DIFFERENT, ComparisonLevel.EXACT, ComparisonLevel.DIFFERENT, ComparisonLevel.EXACT));
        assertFalse(WeightLearning.learn(configured, array(fathersAndSons)).settings().weighedConflicts()
                .contains(FieldKind.BIRTH_DATE), "80 pairs of one name and address where slips explain 43");
    }

    @Test
    void noCandidatePairsLeaveTheSettingsAsConfigured() {
        assertSame(configured, WeightLearning.learn(configured, new long[0]).settings());
    }
}
