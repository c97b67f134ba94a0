package io.atrium.hub.resolve;

import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.resolve.IncrementalResolver;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.io.Serializable;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The usable blocking keys of a resolver transaction's records ({@link IncrementalResolver#usableKeys}), worked out
 * once a record, engine and frequency snapshot: the batch's key locks, its read-ahead and every scoring round of a
 * record ask for the same keys, and each working-out looks up the block size of every key.
 * <p>
 * Part of a transaction's {@link ResolverTransaction.State}.
 */
public class UsableKeys implements Serializable {

    private final MatchEngine engine;

    private record Found(IncrementalResolver resolver, ValueFrequencies snapshot, Set<BlockingKey> keys) {
    }

    /** By the standardized record's identity: the batch standardizes each of its records once. */
    private final Map<StandardizedRecord, Found> found = new IdentityHashMap<>();

    UsableKeys(MatchEngine engine) {
        this.engine = engine;
    }

    public Set<BlockingKey> of(StandardizedRecord record, ValueFrequencies snapshot) {
        IncrementalResolver resolver = engine.resolver();
        Found known = found.get(record);
        if (known == null || known.resolver() != resolver || known.snapshot() != snapshot) {
            known = new Found(resolver, snapshot, resolver.usableKeys(record, snapshot));
            found.put(record, known);
        }
        return known.keys();
    }
}
