package io.atrium.hub.explain;

import io.atrium.client.Explanation;
import io.atrium.resolution.match.Evidence;
import io.atrium.resolution.match.MatchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evidence of a stored link as fields, levels and weights again. A link keeps the line
 * {@link MatchResult#explain()} wrote when the pair was last scored (weights to one decimal), which
 * is what the decision rested on; scoring the pair again would weigh it against today's frequencies.
 */
public final class StoredEvidence {

    /** One {@link Evidence#toString()}: {@code FIELD=LEVEL(+1.5)} or {@code FIELD=LEVEL(-2.0,tf)}. */
    private static final Pattern ITEM = Pattern.compile("([A-Z_]+)=([A-Z_]+)\\(([-+]?[0-9.]+|[-+]?Infinity|NaN)(,tf)?\\)");
    private static final String TOTAL = "] total ";

    private StoredEvidence() {
    }

    /** The evidence of an explanation line; empty when the line holds none (or was cut before it). */
    public static List<Explanation.FieldEvidence> parse(String explanation) {
        int end = explanation == null ? -1 : explanation.lastIndexOf(TOTAL);
        int start = end < 0 ? -1 : explanation.lastIndexOf('[', end);
        List<Explanation.FieldEvidence> evidence = new ArrayList<>();
        if (start < 0) {
            return evidence;
        }
        Matcher item = ITEM.matcher(explanation.substring(start + 1, end));
        while (item.find()) {
            evidence.add(new Explanation.FieldEvidence(item.group(1), item.group(2), Double.parseDouble(item.group(3)),
                    item.group(4) != null));
        }
        return evidence;
    }

    /** The engine's evidence as the API shows it. */
    public static List<Explanation.FieldEvidence> of(List<Evidence> evidence) {
        return evidence.stream()
                .map(e -> new Explanation.FieldEvidence(e.field().name(), e.level().name(), e.weight(), e.tfAdjusted()))
                .toList();
    }
}
