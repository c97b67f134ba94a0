package io.atrium.resolution.resolve;

import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.CandidateSource;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves one arriving record against stored ones: blocks, asks the {@link CandidateSource} for the
 * records under the usable keys, scores each candidate and returns the explained results, strongest
 * first. Stateless; the caller then merges clusters (see {@link io.atrium.resolution.cluster.ClusterPartitioner}).
 */
public final class IncrementalResolver {

    private final Scorer scorer;

    public IncrementalResolver(Scorer scorer) {
        this.scorer = scorer;
    }

    /** Keys that pair records: those whose block is not too common to help (same rule as bulk resolution). */
    public Set<BlockingKey> usableKeys(StandardizedRecord record, ValueFrequencies frequencies) {
        Set<BlockingKey> usable = new LinkedHashSet<>();
        for (BlockingKey key : Blocker.keys(record)) {
            if (frequencies.blockSize(key) <= scorer.settings().maxBlockSize()) {
                usable.add(key);
            }
        }
        return usable;
    }

    /** Every candidate scored, decisions included (NO_MATCH too, so the hub can explain why not). */
    public List<MatchResult> resolve(StandardizedRecord record, CandidateSource candidates, ValueFrequencies frequencies) {
        return resolve(record, usableKeys(record, frequencies), candidates, frequencies);
    }

    /** As {@link #resolve(StandardizedRecord, CandidateSource, ValueFrequencies)}, the record's usable keys known. */
    public List<MatchResult> resolve(StandardizedRecord record, Set<BlockingKey> keys, CandidateSource candidates,
                                     ValueFrequencies frequencies) {
        List<MatchResult> results = new ArrayList<>();
        if (keys.isEmpty()) {
            return results;
        }
        for (StandardizedRecord candidate : candidates.candidates(keys)) {
            if (!candidate.key().equals(record.key()) && candidate.kind() == record.kind()) {
                results.add(scorer.score(record, candidate, frequencies));
            }
        }
        results.sort(Comparator.comparingDouble(MatchResult::score).reversed()
                .thenComparing(MatchResult::left).thenComparing(MatchResult::right));
        return results;
    }
}
