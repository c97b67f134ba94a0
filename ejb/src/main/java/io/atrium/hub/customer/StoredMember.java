package io.atrium.hub.customer;

/**
 * A customer's stored record as a record joining the customer reads it, as plain values: its standardized form
 * (StandardizedRecordJson; null for a row stored before forms were kept) and its payload (the name as its source wrote it).
 */
public record StoredMember(String standardized, String payload) {
}
