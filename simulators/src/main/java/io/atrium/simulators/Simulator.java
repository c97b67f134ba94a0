package io.atrium.simulators;

/** A running source system: each step makes one change the hub can see (a row, a file row, an event, a ticket). */
public interface Simulator extends AutoCloseable {

    String name();

    void step() throws Exception;

    /** The stream is over: deliver what is still pending and make no more changes of one's own. */
    default void endOfStream() throws Exception {
    }

    /** Counts worth a look besides the steps (answers by status, faults served), never personal data; empty when none. */
    default String status() {
        return "";
    }

    @Override
    default void close() throws Exception {
    }
}
