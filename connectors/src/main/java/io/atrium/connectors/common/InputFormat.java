package io.atrium.connectors.common;

/** The native formats the hub takes; a quarantined item is replayed through its format's mapping. */
public enum InputFormat {
    CANONICAL_JSON,
    SALES_CUSTOMER_ROW,
    SALES_CONTRACT_ROW,
    LEASING_CSV_ROW,
    /** A whole leasing export, quarantined when its name was already processed. */
    LEASING_EXPORT,
    PROPERTY_OWNER,
    PROPERTY_WORK_ORDER,
    MEMBERSHIP_XML,
    SERVICE_TICKET_JSON
}
