package io.atrium.resolution.cluster;

import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns MERGE links into customers, deterministically: links are taken strongest first (ties by record
 * keys) and join two clusters unless some record of one conflicts with some record of the other (a
 * hard conflict of the scorer, or a steward's cannot-link). The result depends only on the records and
 * links given, never on the order they arrived in, so bulk and incremental resolution agree: the
 * incremental side re-partitions the whole connected component of MERGE links a new record touches.
 */
public final class ClusterPartitioner {

    private static final Comparator<MatchResult> STRONGEST_FIRST = Comparator
            .comparingDouble(MatchResult::score).reversed()
            .thenComparing(MatchResult::left)
            .thenComparing(MatchResult::right);

    private final Scorer scorer;

    public ClusterPartitioner(Scorer scorer) {
        this.scorer = scorer;
    }

    /**
     * @param records    every record the links mention (others may be present and stay single)
     * @param mergeLinks links decided MERGE
     * @return the clusters, each sorted by key, in order of their first key
     */
    public List<List<RecordKey>> partition(Map<RecordKey, StandardizedRecord> records,
                                           Collection<MatchResult> mergeLinks, StewardConstraints steward) {
        Map<RecordKey, List<StandardizedRecord>> clusterOf = new HashMap<>();
        for (StandardizedRecord record : records.values()) {
            List<StandardizedRecord> single = new ArrayList<>(1);
            single.add(record);
            clusterOf.put(record.key(), single);
        }
        List<MatchResult> ordered = new ArrayList<>(mergeLinks);
        ordered.sort(STRONGEST_FIRST);
        for (MatchResult link : ordered) {
            List<StandardizedRecord> left = clusterOf.get(link.left());
            List<StandardizedRecord> right = clusterOf.get(link.right());
            if (left == right || !compatible(left, right, steward)) {
                continue;
            }
            List<StandardizedRecord> into = left.size() >= right.size() ? left : right;
            List<StandardizedRecord> from = into == left ? right : left;
            into.addAll(from);
            for (StandardizedRecord moved : from) {
                clusterOf.put(moved.key(), into);
            }
        }
        Set<List<StandardizedRecord>> clusters = Collections.newSetFromMap(new IdentityHashMap<>());
        clusters.addAll(clusterOf.values());
        return clusters.stream()
                .map(cluster -> cluster.stream().map(StandardizedRecord::key).sorted().toList())
                .sorted(Comparator.comparing(cluster -> cluster.get(0)))
                .toList();
    }

    private boolean compatible(List<StandardizedRecord> left, List<StandardizedRecord> right, StewardConstraints steward) {
        for (StandardizedRecord a : left) {
            for (StandardizedRecord b : right) {
                if (steward.cannotLink(a.key(), b.key()) || scorer.conflicts(a, b)) {
                    return false;
                }
            }
        }
        return true;
    }
}
