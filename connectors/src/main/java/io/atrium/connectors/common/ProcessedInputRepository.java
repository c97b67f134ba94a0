package io.atrium.connectors.common;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Instant;

/**
 * Camel's idempotent repository over the hub's progress store: an input (say, a leasing
 * export file) once taken is never taken again, across restarts and nodes.
 */
public class ProcessedInputRepository extends ServiceSupport implements IdempotentRepository {

    private final ProgressStore store;
    private final String prefix;

    public ProcessedInputRepository(ProgressStore store, String prefix) {
        this.store = store;
        this.prefix = prefix + ":";
    }

    @Override
    public boolean add(String key) {
        if (contains(key)) {
            return false;
        }
        store.save(prefix + key, Instant.now().toString());
        return true;
    }

    @Override
    public boolean contains(String key) {
        return store.load(prefix + key).isPresent();
    }

    @Override
    public boolean remove(String key) {
        return store.remove(prefix + key);
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("processed inputs are cleared by an operator, not by a route");
    }
}
