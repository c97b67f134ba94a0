package io.atrium.hub.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule of the value model that fired for a customer, with what it contributed to its score (negative for a
 * satisfaction penalty, 0 for an at-risk reason, which weighs nothing and only says why).
 */
public record Reason(String rule, int points) {

    /** As stored in a reasons column: {@code RULE=points} joined by commas ("" for none). */
    public static String format(List<Reason> reasons) {
        return reasons.stream().map(r -> r.rule() + "=" + r.points()).collect(Collectors.joining(","));
    }

    public static List<Reason> parse(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(item -> item.split("=", 2))
                .map(parts -> new Reason(parts[0], Integer.parseInt(parts[1])))
                .toList();
    }
}
