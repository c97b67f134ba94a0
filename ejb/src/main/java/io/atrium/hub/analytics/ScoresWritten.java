package io.atrium.hub.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Announced (a CDI event, observed synchronously in the writing transaction) after rows of {@code customer_value}
 * were replaced or removed, so that what is selected from them (segment membership) follows in the same
 * transaction: either the customers named ({@code customerIds}), or every customer id after {@code after} up to
 * {@code through} (included; null: to the end), as the full recompute goes.
 *
 * @param asOf the date the scores are reckoned as of
 */
public record ScoresWritten(LocalDate asOf, String after, String through, List<String> customerIds) {

    static ScoresWritten range(LocalDate asOf, String after, String through) {
        return new ScoresWritten(asOf, after, through, null);
    }

    static ScoresWritten of(LocalDate asOf, List<String> customerIds) {
        return new ScoresWritten(asOf, null, null, List.copyOf(customerIds));
    }
}
