package io.atrium.simulators;

/** A running source system: each step makes one change the hub can see (a row, a file row, an event, a ticket). */
public interface Simulator extends AutoCloseable {

    String name();

    void step() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
