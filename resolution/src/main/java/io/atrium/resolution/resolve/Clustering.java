package io.atrium.resolution.resolve;

import io.atrium.resolution.cluster.ClusterPartitioner;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.model.RecordKey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The outcome of a resolution: customers as clusters of record keys (each sorted, ordered by first key),
 * the MERGE links that formed them and the pairs left to a data steward: the review band's, and the MERGE links of
 * surname-only records the partitioner held back ({@link #heldBack}).
 */
public record Clustering(List<List<RecordKey>> clusters, List<MatchResult> mergeLinks, List<MatchResult> reviewLinks,
                         Map<RecordKey, ClusterPartitioner.HeldBack> heldBackRecords) {

    public Clustering {
        clusters = List.copyOf(clusters);
        mergeLinks = List.copyOf(mergeLinks);
        reviewLinks = List.copyOf(reviewLinks);
        heldBackRecords = Map.copyOf(heldBackRecords);
    }

    /** Why the MERGE link's surname-only end was held back, so that it waits for a steward; empty when it was not. */
    public Optional<ClusterPartitioner.HeldBack> heldBack(MatchResult mergeLink) {
        return ClusterPartitioner.HeldBack.of(heldBackRecords, mergeLink);
    }

    /** Where the held-back callers' links stand in a steward's queue ({@link ClusterPartitioner#stewardPriorities}). */
    public Map<MatchResult, Double> heldBackPriorities() {
        return ClusterPartitioner.stewardPriorities(mergeLinks, heldBackRecords);
    }

    /** The pairs a steward decides: the review band's and the held-back MERGE links. */
    public List<MatchResult> stewardPairs() {
        return Stream.concat(reviewLinks.stream(), mergeLinks.stream().filter(l -> heldBack(l).isPresent())).toList();
    }
}
