package io.atrium.connectors.common;

/**
 * Takes a source's answer that told the connector to wait (a 429 or 503 it retries after a pause), for
 * operators: a connector that absorbs such answers is not failing, but a source that throttles it all day
 * is something to see.
 */
@FunctionalInterface
public interface ThrottledSink {
    /** @param reason what the source answered and how long the connector waits; never personal data */
    void throttled(String source, String reason);
}
