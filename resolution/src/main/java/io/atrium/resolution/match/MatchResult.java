package io.atrium.resolution.match;

import io.atrium.resolution.model.RecordKey;

import java.util.List;

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
        StringBuilder line = new StringBuilder(256).append(left).append(" ~ ").append(right).append(": ").append(evidence)
                .append(" total ");
        return OneDecimal.append(line, score, false).append(" -> ").append(decision)
                .append(conflict ? " (conflict: never merged)" : "").toString();
    }
}
