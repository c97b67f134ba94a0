package io.atrium.connectors.common;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Instant;

/**
 * Camel's idempotent repository over the hub's progress store: an input (say, a leasing
 * export file) once processed is never taken again, across restarts. Camel adds the key
 * when it takes the input and confirms it when the input is done; only a confirmed key
 * counts, so an input cut short by a crash is read again after the restart (its items
 * already queued are then repeated, which changes nothing downstream) instead of being lost.
 */
public class ProcessedInputRepository extends ServiceSupport implements IdempotentRepository {

    private final ProgressStore store;
    private final String prefix;

    public ProcessedInputRepository(ProgressStore store, String prefix) {
        this.store = store;
        this.prefix = prefix + ":";
    }

    private static final String TAKEN = "taken ";
    private static final String DONE = "done ";

    @Override
    public boolean add(String key) {
        if (contains(key)) {
            return false;
        }
        store.save(prefix + key, TAKEN + Instant.now());
        return true;
    }

    @Override
    public boolean contains(String key) {
        return store.load(prefix + key).filter(state -> state.startsWith(DONE)).isPresent();
    }

    @Override
    public boolean remove(String key) {
        return store.remove(prefix + key);
    }

    @Override
    public boolean confirm(String key) {
        store.save(prefix + key, DONE + Instant.now());
        return true;
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("processed inputs are cleared by an operator, not by a route");
    }
}
