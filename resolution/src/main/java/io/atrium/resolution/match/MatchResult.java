package io.atrium.resolution.match;

import io.atrium.resolution.model.RecordKey;

import java.util.List;
import java.util.Locale;

/**
 * A scored pair and its explanation: the evidence per field, the total, the decision and why.
 *
 * @param left        the smaller key of the pair
 * @param conflict    the pair can never be merged (conflicting valid identifiers or birth dates, different
 *                    names): a hard constraint the clustering also applies between whole clusters
 */
public record MatchResult(RecordKey left, RecordKey right, List<Evidence> evidence, double score,
                          Decision decision, boolean conflict) {

    public MatchResult {
        evidence = List.copyOf(evidence);
    }

    /** A line a steward can read, free of personal values: fields, levels, weights, total and decision. */
    public String explain() {
        return String.format(Locale.ROOT, "%s ~ %s: %s total %.1f -> %s%s", left, right, evidence, score, decision,
                conflict ? " (conflict: never merged)" : "");
    }
}
