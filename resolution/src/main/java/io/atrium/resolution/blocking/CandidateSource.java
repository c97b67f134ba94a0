package io.atrium.resolution.blocking;

import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.Collection;
import java.util.Set;

/**
 * The storage seam of incremental resolution: the stored records that carry any of the given blocking
 * keys. The hub answers from its database; tests and the command line from memory.
 */
public interface CandidateSource {
    Collection<StandardizedRecord> candidates(Set<BlockingKey> keys);
}
