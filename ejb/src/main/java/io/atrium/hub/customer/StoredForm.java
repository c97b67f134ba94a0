package io.atrium.hub.customer;

/** A stored record as matching reads it: its id, its customer and its standardized form (StandardizedRecordJson). */
public record StoredForm(Long id, String customerId, String standardized) {
}
