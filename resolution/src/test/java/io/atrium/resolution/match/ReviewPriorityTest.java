package io.atrium.resolution.match;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.standardize.StandardizedRecord;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewPriorityTest {

    private static final ValueFrequencies UNKNOWN = Fixtures.NO_FREQUENCIES;

    private static final Scorer SCORER = new Scorer(MatchSettings.defaults());

    /** Name and e-mail agree, the phones differ: two people sharing an inbox as often as one. */
    private static final StandardizedRecord INBOX_A = Fixtures.standardized("""
            {"source":"a","sourceId":"1","name":"张伟","emails":["zw@example.com"],"phones":["13800138000"]}""");
    private static final StandardizedRecord INBOX_B = Fixtures.standardized("""
            {"source":"b","sourceId":"1","name":"张伟","emails":["zw@example.com"],"phones":["15912345678"]}""");
    /** Name agrees, the birth dates one typo apart: nothing against. */
    private static final StandardizedRecord BORN_A = Fixtures.standardized("""
            {"source":"a","sourceId":"2","name":"李娜","birthDate":"1985-07-15","gender":"F"}""");
    private static final StandardizedRecord BORN_B = Fixtures.standardized("""
            {"source":"b","sourceId":"2","name":"李娜","birthDate":"1985-07-16"}""");

    /** As EM learns on our populations: a different phone weighs far more against a match than the shipped -1.5 bits. */
    private static MatchSettings learned() {
        MatchSettings defaults = MatchSettings.defaults();
        Map<FieldKind, MatchSettings.FieldSettings> fields = new EnumMap<>(defaults.fields());
        MatchSettings.FieldSettings phone = fields.get(FieldKind.PHONE);
        Map<ComparisonLevel, MatchSettings.LevelSettings> levels = new HashMap<>(phone.levels());
        levels.put(ComparisonLevel.DIFFERENT, new MatchSettings.LevelSettings(0.001, 0.99, false));
        fields.put(FieldKind.PHONE, new MatchSettings.FieldSettings(phone.tfCap(), levels));
        return defaults.withFields(fields);
    }

    @Test
    void byScoreThePriorityIsTheScore() {
        MatchResult inbox = SCORER.score(INBOX_A, INBOX_B, UNKNOWN);

        assertEquals(inbox.score(), ReviewPriority.BY_SCORE.of(inbox, INBOX_A, INBOX_B, UNKNOWN));
    }

    @Test
    void learnedSettingsPutThePairWithNoFieldAgainstItFirstThoughItScoresLower() {
        MatchResult inbox = SCORER.score(INBOX_A, INBOX_B, UNKNOWN);
        MatchResult born = SCORER.score(BORN_A, BORN_B, UNKNOWN);
        assertEquals(Decision.REVIEW, inbox.decision(), inbox.explain());
        assertEquals(Decision.REVIEW, born.decision(), born.explain());
        assertTrue(inbox.score() > born.score(), inbox.explain() + " / " + born.explain());

        ReviewPriority priority = ReviewPriority.scoredWith(learned());

        assertTrue(priority.of(born, BORN_B, BORN_A, UNKNOWN) > priority.of(inbox, INBOX_A, INBOX_B, UNKNOWN));
        // the pair's own score under the learned settings, whichever record comes first
        assertEquals(new Scorer(learned()).score(INBOX_A, INBOX_B, UNKNOWN).score(), priority.of(inbox, INBOX_B, INBOX_A, UNKNOWN), 1e-9);
    }

    @Test
    void aPairTheMatcherMergedKeepsItsScoreAsPriority() {
        StandardizedRecord a = Fixtures.standardized("""
                {"source":"a","sourceId":"3","name":"王芳","idNumber":"110105198507150016","phones":["13800138000"]}""");
        StandardizedRecord b = Fixtures.standardized("""
                {"source":"b","sourceId":"3","name":"王芳","idNumber":"110105198507150016","phones":["13700137000"]}""");
        MatchResult merged = SCORER.score(a, b, UNKNOWN);
        assertEquals(Decision.MERGE, merged.decision());

        assertEquals(merged.score(), ReviewPriority.scoredWith(learned()).of(merged, a, b, UNKNOWN));
    }
}
