package io.atrium.connectors.service;

/** What the customer-service connector did with one webhook request; the webhook answers with it. */
public record TicketOutcome(Status status, String reason) {

    public enum Status {
        /** durably on the resolver queue */
        QUEUED,
        /** the same request was already taken: nothing changed */
        DUPLICATE,
        /** not a valid ticket: quarantined with the reason */
        REJECTED
    }

    static TicketOutcome of(Status status) {
        return new TicketOutcome(status, null);
    }
}
