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

    public Scorer(MatchSettings settings) {
        this.settings = settings;
    }

    public MatchSettings settings() {
        return settings;
    }

    public MatchResult score(StandardizedRecord a, StandardizedRecord b, ValueFrequencies frequencies) {
        StandardizedRecord left = a.key().compareTo(b.key()) <= 0 ? a : b;
        StandardizedRecord right = left == a ? b : a;
        List<FieldComparisons.Outcome> outcomes = compare(left, right);
        List<Evidence> evidence = new ArrayList<>(outcomes.size());
        double score = 0;
        for (FieldComparisons.Outcome outcome : outcomes) {
            Evidence e = weigh(outcome, frequencies);
            evidence.add(e);
            score += e.weight();
        }
        boolean conflict = isConflict(outcomes);
        Decision decision = score >= settings.mergeThreshold() && !conflict ? Decision.MERGE
                : score >= settings.reviewThreshold() ? Decision.REVIEW : Decision.NO_MATCH;
        return new MatchResult(left.key(), right.key(), evidence, score, decision, conflict);
    }

    /**
     * Whether two records can never be one party: valid identifiers of a type a party holds only once
     * differ, or (unless their identifiers agree) their names or birth dates disagree outright. Clustering
     * applies this between every pair of two clusters before joining them.
     */
    public boolean conflicts(StandardizedRecord a, StandardizedRecord b) {
        return a.kind() != b.kind() || isConflict(compare(a, b));
    }

    private boolean isConflict(List<FieldComparisons.Outcome> outcomes) {
        boolean idsAgree = false;
        boolean otherDisagreement = false;
        for (FieldComparisons.Outcome outcome : outcomes) {
            ComparisonLevel level = outcome.level();
            switch (outcome.field()) {
                case ID_NUMBER -> {
                    if (level == ComparisonLevel.VALID_CONFLICT) {
                        return true;
                    }
                    idsAgree = level == ComparisonLevel.VALID_EXACT || level == ComparisonLevel.EXACT;
                }
                case NAME, BIRTH_DATE -> otherDisagreement |= level == ComparisonLevel.DIFFERENT;
                default -> { }
            }
        }
        return otherDisagreement && !idsAgree;
    }

    private List<FieldComparisons.Outcome> compare(StandardizedRecord a, StandardizedRecord b) {
        List<FieldComparisons.Outcome> outcomes = new ArrayList<>(7);
        add(outcomes, FieldComparisons.idNumber(a, b));
        if (a.isPerson()) {
            add(outcomes, FieldComparisons.personName(a, b));
            add(outcomes, FieldComparisons.birthDate(a, b));
            add(outcomes, FieldComparisons.gender(a, b));
        } else {
            add(outcomes, FieldComparisons.organizationName(a, b));
        }
        add(outcomes, FieldComparisons.phone(a, b));
        add(outcomes, FieldComparisons.email(a, b));
        add(outcomes, FieldComparisons.address(a, b));
        return outcomes;
    }

    private static void add(List<FieldComparisons.Outcome> outcomes, FieldComparisons.Outcome outcome) {
        if (outcome != null) {
            outcomes.add(outcome);
        }
    }

    /**
     * Term-frequency adjustment: the level's weight moves by log2(typical frequency / value frequency),
     * at most tfCap bits either way: a common name or a household's phone counts less, a rare one more.
     */
    private Evidence weigh(FieldComparisons.Outcome outcome, ValueFrequencies frequencies) {
        MatchSettings.LevelSettings level = settings.level(outcome.field(), outcome.level());
        double weight = level.weight();
        boolean adjusted = false;
        if (level.tf() && outcome.sharedValue() != null) {
            double frequency = frequencies.frequency(outcome.frequencyField(), outcome.sharedValue());
            double typical = frequencies.typicalFrequency(outcome.frequencyField());
            if (frequency > 0 && typical > 0) {
                double cap = settings.tfCap(outcome.field());
                weight += Math.max(-cap, Math.min(cap, Math.log(typical / frequency) / Math.log(2)));
                adjusted = true;
            }
        }
        return new Evidence(outcome.field(), outcome.level(), weight, adjusted);
    }
}
