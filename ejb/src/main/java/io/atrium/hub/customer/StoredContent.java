package io.atrium.hub.customer;

/** A stored record as a resolver batch first asks for it: its id and the hash of its content (ContentHash#ofContent). */
public record StoredContent(long id, String contentHash) {
}
