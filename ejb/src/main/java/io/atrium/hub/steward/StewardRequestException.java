package io.atrium.hub.steward;

import jakarta.ejb.ApplicationException;

/** A steward request that cannot be carried out as asked; nothing was changed. */
@ApplicationException(rollback = true)
public class StewardRequestException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    public StewardRequestException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
