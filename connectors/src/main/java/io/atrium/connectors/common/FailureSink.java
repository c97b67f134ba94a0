package io.atrium.connectors.common;

/** Takes a connector's failure that outlasted its retries (a source system down, a database unreachable). */
@FunctionalInterface
public interface FailureSink {
    void failed(String source, String reason);
}
