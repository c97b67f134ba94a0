package io.atrium.connectors.common;

/** Takes a source item dated beyond now plus the clock skew, for operators; the item itself is delivered. */
@FunctionalInterface
public interface FutureDatedSink {
    /** @param position where the item is (table and key, collection and id, with its time); never personal data */
    void futureDated(String source, String position);
}
