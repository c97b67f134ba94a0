package io.atrium.client;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a customer's timeline, newest first. {@code customerId} is the customer whose facts these
 * are (the survivor when a merged-away id was asked); {@code next} is the cursor of the following page,
 * null on the last. A cursor names a position (a fact's time and id), not an offset: facts stored between
 * two calls neither repeat nor push others out of the pages still to read.
 */
public record TimelinePage(String customerId, List<CustomerView.FactView> facts, String next) implements Serializable {
}
