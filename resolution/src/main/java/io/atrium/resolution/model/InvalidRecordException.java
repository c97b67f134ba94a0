package io.atrium.resolution.model;

/** A canonical record that cannot be accepted; the message is the reason, free of personal data. */
public class InvalidRecordException extends RuntimeException {
    public InvalidRecordException(String reason) {
        super(reason);
    }
}
