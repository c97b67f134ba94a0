package io.atrium.resolution.cluster;

import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns MERGE links into customers, deterministically: links are taken strongest first (ties by record
 * keys) and join two clusters unless some record of one conflicts with some record of the other (a
 * hard conflict of the scorer, or a steward's cannot-link). The result depends only on the records and
 * links given, never on the order they arrived in, so bulk and incremental resolution agree: the
 * incremental side re-partitions the whole connected component of MERGE links a new record touches.
 */
public final class ClusterPartitioner {

    private static final Comparator<MatchResult> STRONGEST_FIRST = (x, y) -> {
        int byScore = Double.compare(y.score(), x.score());
        if (byScore != 0) {
            return byScore;
        }
        int byLeft = x.left().compareTo(y.left());
        return byLeft != 0 ? byLeft : x.right().compareTo(y.right());
    };

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
        StandardizedRecord[] byIndex = records.values().toArray(StandardizedRecord[]::new);
        Map<RecordKey, Integer> index = new HashMap<>(byIndex.length * 2);
        for (int i = 0; i < byIndex.length; i++) {
            index.put(byIndex[i].key(), i);
        }
        Clusters clusters = new Clusters(byIndex.length);
        MatchResult[] ordered = mergeLinks.toArray(MatchResult[]::new);
        Arrays.parallelSort(ordered, STRONGEST_FIRST);
        for (MatchResult link : ordered) {
            int left = clusters.root(index.get(link.left()));
            int right = clusters.root(index.get(link.right()));
            if (left != right && compatible(clusters, left, right, byIndex, steward)) {
                clusters.union(left, right);
            }
        }
        return clusters.groups(byIndex);
    }

    private boolean compatible(Clusters clusters, int left, int right, StandardizedRecord[] records,
                               StewardConstraints steward) {
        for (int a = left; a >= 0; a = clusters.next[a]) {
            for (int b = right; b >= 0; b = clusters.next[b]) {
                if (steward.cannotLink(records[a].key(), records[b].key()) || scorer.conflicts(records[a], records[b])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Union-find whose roots also head a linked list of their members, so a cluster can be walked. */
    private static final class Clusters {
        private final int[] parent;
        private final int[] next;
        private final int[] last;
        private final int[] size;

        Clusters(int count) {
            parent = new int[count];
            next = new int[count];
            last = new int[count];
            size = new int[count];
            for (int i = 0; i < count; i++) {
                parent[i] = i;
                next[i] = -1;
                last[i] = i;
                size[i] = 1;
            }
        }

        int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int a, int b) {
            int into = size[a] >= size[b] ? a : b;
            int from = into == a ? b : a;
            parent[from] = into;
            next[last[into]] = from;
            last[into] = last[from];
            size[into] += size[from];
        }

        List<List<RecordKey>> groups(StandardizedRecord[] records) {
            List<List<RecordKey>> groups = new ArrayList<>();
            for (int i = 0; i < records.length; i++) {
                if (parent[i] == i) {
                    List<RecordKey> members = new ArrayList<>(size[i]);
                    for (int m = i; m >= 0; m = next[m]) {
                        members.add(records[m].key());
                    }
                    members.sort(null);
                    groups.add(members);
                }
            }
            groups.sort((x, y) -> x.get(0).compareTo(y.get(0)));
            return groups;
        }
    }
}
