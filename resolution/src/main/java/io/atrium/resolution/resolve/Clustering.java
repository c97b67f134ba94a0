package io.atrium.resolution.resolve;

import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.model.RecordKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a resolution: customers as clusters of record keys (each sorted, ordered by first key),
 * the MERGE links that formed them and the pairs left to a data steward.
 */
public record Clustering(List<List<RecordKey>> clusters, List<MatchResult> mergeLinks, List<MatchResult> reviewLinks) {

    public Clustering {
        clusters = List.copyOf(clusters);
        mergeLinks = List.copyOf(mergeLinks);
        reviewLinks = List.copyOf(reviewLinks);
    }

    /** Each record's cluster, as the index of its cluster in {@link #clusters()}. */
    public Map<RecordKey, Integer> clusterIndex() {
        Map<RecordKey, Integer> index = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (RecordKey key : clusters.get(i)) {
                index.put(key, i);
            }
        }
        return index;
    }
}
