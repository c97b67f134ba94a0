package io.atrium.client;

import java.io.Serializable;

/**
 * One customer found by a search, as a summary (its key fields; the whole view is {@link CustomerDirectory#find}), with its score: the matching engine's weight (log2 odds) of the
 * search values against the customer's best-matching source record, higher is better. Null for
 * lookups by record key (member number, source record), which name one record exactly.
 */
public record CustomerMatch(CustomerSummary customer, Double score) implements Serializable {
}
