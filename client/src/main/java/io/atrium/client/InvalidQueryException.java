package io.atrium.client;

/**
 * A call the hub refuses as given (an unknown fact type, a cursor it did not issue, a limit out of range),
 * with the reason. The hub declares it an application exception: it reaches the caller as is, and the
 * transaction is not marked for rollback.
 */
public class InvalidQueryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String reason) {
        super(reason);
    }
}
