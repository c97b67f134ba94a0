package io.atrium.resolution.match;

import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a candidate pair: the sum of the per-field log2 match weights of the levels that apply, with
 * term-frequency adjustment for levels that ask for it, then a decision by threshold. A pair in hard
 * conflict is never decided MERGE, whatever its score.
 */
public final class Scorer {

    /** Positions in {@link #outcomes}: the conflict rule reads these three. */
    private static final int ID_OUTCOME = 0;
    private static final int NAME_OUTCOME = 1;
    private static final int BIRTH_DATE_OUTCOME = 2;

    private final MatchSettings settings;
    /** The settings' levels and caps as arrays: scoring reads them for every field of millions of pairs. */
    private final MatchSettings.LevelSettings[][] levels =
            new MatchSettings.LevelSettings[FieldKind.values().length][ComparisonLevel.values().length];
    private final double[] tfCaps = new double[FieldKind.values().length];

    public Scorer(MatchSettings settings) {
        this.settings = settings;
        settings.fields().forEach((field, fieldSettings) -> {
            tfCaps[field.ordinal()] = fieldSettings.tfCap();
            fieldSettings.levels().forEach((level, levelSettings) -> levels[field.ordinal()][level.ordinal()] = levelSettings);
        });
    }

    public MatchSettings settings() {
        return settings;
    }

    public MatchResult score(StandardizedRecord a, StandardizedRecord b, ValueFrequencies frequencies) {
        StandardizedRecord left = a.key().compareTo(b.key()) <= 0 ? a : b;
        StandardizedRecord right = left == a ? b : a;
        FieldComparisons.Outcome[] outcomes = outcomes(left, right);
        List<Evidence> evidence = new ArrayList<>(outcomes.length);
        double score = 0;
        for (FieldComparisons.Outcome outcome : outcomes) {
            if (outcome != null) {
                Evidence e = weigh(outcome, frequencies);
                evidence.add(e);
                score += e.weight();
            }
        }
        boolean conflict = left.kind() != right.kind()
                || isConflict(left, outcomes[ID_OUTCOME], outcomes[NAME_OUTCOME], outcomes[BIRTH_DATE_OUTCOME]);
        Decision decision = score >= settings.mergeThreshold() && !conflict ? Decision.MERGE
                : score >= settings.reviewThreshold() ? Decision.REVIEW : Decision.NO_MATCH;
        return new MatchResult(left.key(), right.key(), evidence, score, decision, conflict);
    }

    /** The pair's comparison pattern, what {@link WeightLearning} counts: each field's level, no weights. */
    public long comparisonPattern(StandardizedRecord a, StandardizedRecord b) {
        StandardizedRecord left = a.key().compareTo(b.key()) <= 0 ? a : b;
        StandardizedRecord right = left == a ? b : a;
        return WeightLearning.pattern(outcomes(left, right), left.weakName() || right.weakName());
    }

    /** Each field's outcome in a fixed order (identifier, name, birth date, gender, phone, e-mail, address, project); null says nothing. */
    private static FieldComparisons.Outcome[] outcomes(StandardizedRecord left, StandardizedRecord right) {
        boolean person = left.isPerson();
        return new FieldComparisons.Outcome[] {
                FieldComparisons.idNumber(left, right),
                person ? FieldComparisons.personName(left, right) : FieldComparisons.organizationName(left, right),
                person ? FieldComparisons.birthDate(left, right) : null,
                person ? FieldComparisons.gender(left, right) : null,
                FieldComparisons.phone(left, right), FieldComparisons.email(left, right), FieldComparisons.address(left, right),
                person ? FieldComparisons.project(left, right) : null};
    }

    /**
     * Whether two records can never be one party: valid identifiers of a type a party holds only once
     * differ, or (unless their identifiers agree) their names or birth dates disagree outright; identifiers one
     * typo apart outweigh one of these disagreements, not both. Clustering
     * applies this between every pair of two clusters before joining them.
     */
    public boolean conflicts(StandardizedRecord a, StandardizedRecord b) {
        if (a.kind() != b.kind()) {
            return true;
        }
        FieldComparisons.Outcome id = FieldComparisons.idNumber(a, b);
        boolean namesAndDatesMatter = a.isPerson() && !isIdConflict(a, id) && !idsAgree(id);
        return namesAndDatesMatter
                ? isConflict(a, id, FieldComparisons.personName(a, b), FieldComparisons.birthDate(a, b))
                : isIdConflict(a, id);
    }

    /**
     * Whether a third record explains a name or birth-date conflict between two others away, so that clustering
     * weighs it instead of vetoing: the bridge's identifier agrees with one of them (EXACT or VALID_EXACT, or one
     * keystroke off, which the pair rule already lets outweigh one disagreement) and its name and birth date agree
     * with the other's wherever the two disagree. Each disagreement is then one record's slip (a birth date mistyped
     * in one, an identifier in the other), seen against a record that agrees with each.
     * A bridge without a birth date or with a surname-only name vouches for nothing (father and son of one name and
     * address stay apart), and a hard conflict (two kinds, two valid identifiers that differ) is never explained.
     */
    public boolean reconciles(StandardizedRecord bridge, StandardizedRecord a, StandardizedRecord b) {
        if (a.kind() != b.kind() || !a.isPerson() || bridge == a || bridge == b) {
            return false;
        }
        FieldComparisons.Outcome id = FieldComparisons.idNumber(a, b);
        if (isIdConflict(a, id)) {
            return false;
        }
        FieldComparisons.Outcome name = FieldComparisons.personName(a, b);
        FieldComparisons.Outcome birthDate = FieldComparisons.birthDate(a, b);
        return vouches(bridge, a, b, name, birthDate) || vouches(bridge, b, a, name, birthDate);
    }

    private static boolean vouches(StandardizedRecord bridge, StandardizedRecord sameId, StandardizedRecord other,
                                   FieldComparisons.Outcome name, FieldComparisons.Outcome birthDate) {
        FieldComparisons.Outcome bridgeId = FieldComparisons.idNumber(bridge, sameId);
        return (idsAgree(bridgeId) || isIdTypo(bridgeId))
                && (!isDifferent(name) || agrees(FieldComparisons.personName(bridge, other)))
                && (!isDifferent(birthDate) || agrees(FieldComparisons.birthDate(bridge, other)));
    }

    private static boolean agrees(FieldComparisons.Outcome outcome) {
        return outcome != null && !isDifferent(outcome) && outcome.level() != ComparisonLevel.SURNAME;
    }

    /** The conflict rule over a pair's identifier, name and birth-date outcomes (name and date count for persons). */
    private boolean isConflict(StandardizedRecord a, FieldComparisons.Outcome id, FieldComparisons.Outcome name,
                               FieldComparisons.Outcome birthDate) {
        if (isIdConflict(a, id)) {
            return true;
        }
        if (!a.isPerson() || idsAgree(id)) {
            return false;
        }
        // an identifier one keystroke off is strong evidence too: it outweighs one disagreement (a name
        // replaced, a birth date mistyped beyond a typo), so that disagreement is weighed, not a veto; two are a veto
        if (isIdTypo(id)) {
            return isDifferent(name) && isDifferent(birthDate);
        }
        // where the population shows a part of the name replaced or a birth date mistyped beside another identifier to
        // be a slip (settings learned from its own pairs), one such disagreement is weighed too; another whole name,
        // two disagreements, or no identifiers to differ (twins of one address) stay a veto
        boolean weighed = isIdDifferent(id) && isDifferent(name) != isDifferent(birthDate)
                && (isDifferent(name) ? name.level() == ComparisonLevel.PARTIAL
                        && settings.weighs(FieldKind.NAME)
                        : settings.weighs(FieldKind.BIRTH_DATE));
        return !weighed && (isDifferent(name) || isDifferent(birthDate));
    }

    private static boolean isIdDifferent(FieldComparisons.Outcome id) {
        return id != null && id.level() == ComparisonLevel.DIFFERENT;
    }

    private static boolean isIdTypo(FieldComparisons.Outcome id) {
        return id != null && id.level() == ComparisonLevel.TYPO;
    }

    private static boolean idsAgree(FieldComparisons.Outcome id) {
        return id != null && (id.level() == ComparisonLevel.VALID_EXACT || id.level() == ComparisonLevel.EXACT);
    }

    private boolean isIdConflict(StandardizedRecord a, FieldComparisons.Outcome id) {
        return id != null && id.level() == ComparisonLevel.VALID_CONFLICT
                && settings.conflictingIdTypes().contains(a.idType());
    }

    /** An outright disagreement: another value, or for names one part that agrees with nothing beside one that agrees. */
    private static boolean isDifferent(FieldComparisons.Outcome outcome) {
        return outcome != null && (outcome.level() == ComparisonLevel.DIFFERENT || outcome.level() == ComparisonLevel.PARTIAL);
    }

    /**
     * Term-frequency adjustment: the level's weight moves by log2(typical frequency / value frequency),
     * at most tfCap bits either way: a common name or a household's phone counts less, a rare one more.
     */
    private Evidence weigh(FieldComparisons.Outcome outcome, ValueFrequencies frequencies) {
        MatchSettings.LevelSettings level = levels[outcome.field().ordinal()][outcome.level().ordinal()];
        if (level == null) {
            level = settings.level(outcome.field(), outcome.level());
        }
        double weight = level.weight();
        boolean adjusted = false;
        if (level.tf() && outcome.sharedValue() != null) {
            double frequency = frequencies.frequency(outcome.frequencyField(), outcome.sharedValue());
            double typical = frequencies.typicalFrequency(outcome.frequencyField());
            if (frequency > 0 && typical > 0) {
                double cap = tfCaps[outcome.field().ordinal()];
                weight += Math.max(-cap, Math.min(cap, Math.log(typical / frequency) / Math.log(2)));
                adjusted = true;
            }
        }
        return new Evidence(outcome.field(), outcome.level(), weight, adjusted);
    }
}
