package io.atrium.resolution.resolve;

import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.model.RecordKey;

import java.util.List;

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
}
