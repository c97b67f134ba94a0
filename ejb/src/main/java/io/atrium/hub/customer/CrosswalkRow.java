package io.atrium.hub.customer;

/** A stored record's key and the customer holding it: a row of the crosswalk. */
public record CrosswalkRow(String source, String sourceId, String customerId) {
}
