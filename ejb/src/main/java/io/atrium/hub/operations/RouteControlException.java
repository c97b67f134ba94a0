package io.atrium.hub.operations;

import jakarta.ejb.ApplicationException;

/**
 * A route action that was not carried out: an unknown route, an action that does not apply to the route's state,
 * a reason too long, or Camel failing to carry it out. The transaction commits: a refused action stays audited.
 */
@ApplicationException(rollback = false)
public class RouteControlException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID, FAILED }

    private final Kind kind;

    public RouteControlException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
