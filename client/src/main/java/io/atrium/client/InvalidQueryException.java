package io.atrium.client;

/**
 * A search the hub cannot run: no or an unreadable value, a page out of range. The message names the
 * parameter and why, never the value (it may be personal data). Checked, so that the EJB container
 * hands it to the caller as it is.
 */
public class InvalidQueryException extends Exception {

    public InvalidQueryException(String reason) {
        super(reason);
    }
}
