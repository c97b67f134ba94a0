package io.atrium.connectors.common;

/** Where connectors put what they could not take; the good input around it goes on. */
@FunctionalInterface
public interface QuarantineSink {
    void quarantine(RejectedInput rejected);
}
