package io.atrium.connectors.common;

import io.atrium.resolution.model.CanonicalMessage;

import java.util.List;

/** Where connectors deliver what they mapped: the resolver queue, durably, before returning. */
@FunctionalInterface
public interface CanonicalSink {
    void deliver(List<CanonicalMessage> messages);
}
