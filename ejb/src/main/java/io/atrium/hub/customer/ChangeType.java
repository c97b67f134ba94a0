package io.atrium.hub.customer;

/** What happened to a customer; also the type of the change event published downstream. */
public enum ChangeType {
    CUSTOMER_CREATED, RECORD_LINKED, RECORD_UPDATED, CUSTOMER_MERGED,
    /** Records left the customer for a new one (a steward's split, or an update that no longer matches). */
    CUSTOMER_SPLIT,
    /** The golden record changed because another member's data did (e.g. a steward's decision elsewhere). */
    GOLDEN_CHANGED
}
