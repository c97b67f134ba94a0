package io.atrium.client;

import java.io.Serializable;

/** A source record's identity: the system it comes from and its id there. */
public record SourceKey(String source, String sourceId) implements Serializable {

    public SourceKey {
        if (source == null || source.isBlank() || sourceId == null || sourceId.isBlank()) {
            throw new InvalidQueryException("a source record is named <source>:<sourceId>, both non-empty");
        }
    }

    /** {@code source:sourceId}; the source name holds no colon, the source id may. */
    public static SourceKey parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new InvalidQueryException("a source record is named <source>:<sourceId>");
        }
        return new SourceKey(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return source + ":" + sourceId;
    }
}
