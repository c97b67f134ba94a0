package io.atrium.hub.customer;

/** What happened to a customer; also the type of the change event published downstream. */
public enum ChangeType { CUSTOMER_CREATED, RECORD_LINKED, RECORD_UPDATED, CUSTOMER_MERGED }
