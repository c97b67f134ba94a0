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
        FieldComparisons.Outcome id = FieldComparisons.idNumber(left, right);
        FieldComparisons.Outcome name = left.isPerson()
                ? FieldComparisons.personName(left, right) : FieldComparisons.organizationName(left, right);
        FieldComparisons.Outcome birthDate = left.isPerson() ? FieldComparisons.birthDate(left, right) : null;
        FieldComparisons.Outcome gender = left.isPerson() ? FieldComparisons.gender(left, right) : null;
        List<Evidence> evidence = new ArrayList<>(7);
        double score = 0;
        for (FieldComparisons.Outcome outcome : new FieldComparisons.Outcome[] {id, name, birthDate, gender,
                FieldComparisons.phone(left, right), FieldComparisons.email(left, right), FieldComparisons.address(left, right)}) {
            if (outcome != null) {
                Evidence e = weigh(outcome, frequencies);
                evidence.add(e);
                score += e.weight();
            }
        }
        boolean conflict = left.kind() != right.kind() || isConflict(left, id, name, birthDate);
        Decision decision = score >= settings.mergeThreshold() && !conflict ? Decision.MERGE
                : score >= settings.reviewThreshold() ? Decision.REVIEW : Decision.NO_MATCH;
        return new MatchResult(left.key(), right.key(), evidence, score, decision, conflict);
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
        return isIdTypo(id) ? isDifferent(name) && isDifferent(birthDate) : isDifferent(name) || isDifferent(birthDate);
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

    private static boolean isDifferent(FieldComparisons.Outcome outcome) {
        return outcome != null && outcome.level() == ComparisonLevel.DIFFERENT;
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
