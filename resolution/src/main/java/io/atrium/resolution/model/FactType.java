package io.atrium.resolution.model;

/** The business facts the source systems bring about a party, shown on the customer's timeline. */
public enum FactType {
    /** sales: a purchase contract (reserved, signed, cancelled). */
    CONTRACT,
    /** leasing: a lease of a unit. */
    LEASE,
    /** property management: a unit the party owns, lives in or rents, with its relation. */
    UNIT,
    /** property management: unpaid property fees. */
    ARREARS,
    /** property management: a repair, complaint or inquiry work order. */
    WORK_ORDER,
    /** membership: the member's tier and points balance after an event. */
    MEMBERSHIP,
    /** membership: points earned or redeemed. */
    POINTS,
    /** customer service: a call-center ticket. */
    TICKET
}
