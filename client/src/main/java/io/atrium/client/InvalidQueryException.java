package io.atrium.client;

/**
 * A call the hub refuses as given (a search value it cannot read, an unknown fact type, a cursor it did not
 * issue, a page or limit out of range), with the reason: it names the parameter and why, never the value
 * (which may be personal data). The hub declares it an application exception (ejb-jar.xml): it reaches the
 * caller as it is, and the transaction is not marked for rollback.
 */
public class InvalidQueryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String reason) {
        super(reason);
    }
}
