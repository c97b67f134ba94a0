package io.atrium.hub.audit;

/** The interface a customer's personal data was read through. */
public enum ReadChannel {
    /** The hub's REST API (which calls the directory's local view). */
    REST,
    /** The directory's remote EJB interface, from a downstream application. */
    EJB
}
