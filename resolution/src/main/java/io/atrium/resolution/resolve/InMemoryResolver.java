package io.atrium.resolution.resolve;

import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.CandidateSource;
import io.atrium.resolution.cluster.ClusterPartitioner;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incremental resolution held in memory, one record at a time: the reference for what the hub does with
 * its database, and the in-memory {@link CandidateSource}. After each arrival, removal or steward
 * decision the connected component of MERGE links it touches is partitioned again from scratch, which
 * is what makes the result independent of arrival order. Not thread-safe.
 */
public final class InMemoryResolver implements CandidateSource {

    private final IncrementalResolver resolver;
    private final ClusterPartitioner partitioner;
    private final ValueFrequencies frequencies;
    private final Map<RecordKey, StandardizedRecord> records = new HashMap<>();
    private final Map<String, Set<RecordKey>> index = new HashMap<>();
    private final Map<RecordKey, Map<RecordKey, MatchResult>> mergeLinks = new HashMap<>();
    private final Map<RecordKey, Map<RecordKey, MatchResult>> reviewLinks = new HashMap<>();
    private final Map<RecordKey, List<RecordKey>> clusterOf = new HashMap<>();
    private final Map<RecordKey, ClusterPartitioner.HeldBack> heldBack = new HashMap<>();
    private StewardConstraints steward = StewardConstraints.NONE;

    public InMemoryResolver(Scorer scorer, ValueFrequencies frequencies) {
        this.resolver = new IncrementalResolver(scorer);
        this.partitioner = new ClusterPartitioner(scorer);
        this.frequencies = frequencies;
    }

    /** Adds a record, or replaces the stored version with the same key; returns the scored candidates. */
    public List<MatchResult> add(StandardizedRecord record) {
        if (records.containsKey(record.key())) {
            remove(record.key());
        }
        List<MatchResult> results = resolver.resolve(record, this, frequencies);
        records.put(record.key(), record);
        for (BlockingKey key : Blocker.keys(record)) {
            index.computeIfAbsent(key.text(), k -> new HashSet<>()).add(record.key());
        }
        for (MatchResult result : results) {
            if (result.decision() == Decision.MERGE) {
                link(mergeLinks, result);
            } else if (result.decision() == Decision.REVIEW) {
                link(reviewLinks, result);
            }
        }
        repartition(List.of(record.key()));
        return results;
    }

    public void remove(RecordKey key) {
        StandardizedRecord old = records.remove(key);
        if (old == null) {
            return;
        }
        for (BlockingKey blockingKey : Blocker.keys(old)) {
            Set<RecordKey> block = index.get(blockingKey.text());
            block.remove(key);
            if (block.isEmpty()) {
                index.remove(blockingKey.text());
            }
        }
        List<RecordKey> neighbours = new ArrayList<>(unlink(mergeLinks, key));
        unlink(reviewLinks, key);
        clusterOf.remove(key);
        repartition(neighbours);
    }

    /** A steward's "never merge these two"; takes effect at once. */
    public void cannotLink(RecordKey a, RecordKey b) {
        steward = steward.withCannotLink(a, b);
        repartition(List.of(a, b));
    }

    /** A steward's "split this record out of its customer and keep it out". */
    public void splitOut(RecordKey record) {
        steward = steward.withSplitOut(record, clusterOf.getOrDefault(record, List.of()));
        repartition(List.of(record));
    }

    public StewardConstraints steward() {
        return steward;
    }

    @Override
    public Collection<StandardizedRecord> candidates(Set<BlockingKey> keys) {
        Set<RecordKey> found = new HashSet<>();
        for (BlockingKey key : keys) {
            found.addAll(index.getOrDefault(key.text(), Set.of()));
        }
        return found.stream().map(records::get).toList();
    }

    public Clustering clustering() {
        Set<List<RecordKey>> clusters = new HashSet<>(clusterOf.values());
        List<List<RecordKey>> ordered = clusters.stream().sorted((x, y) -> x.get(0).compareTo(y.get(0))).toList();
        return new Clustering(ordered, distinctLinks(mergeLinks), distinctLinks(reviewLinks), heldBack);
    }

    private void repartition(Collection<RecordKey> starts) {
        Set<RecordKey> done = new HashSet<>();
        for (RecordKey start : starts) {
            if (!records.containsKey(start) || done.contains(start)) {
                continue;
            }
            Map<RecordKey, StandardizedRecord> component = component(start);
            done.addAll(component.keySet());
            heldBack.keySet().removeAll(component.keySet());
            List<MatchResult> links = new ArrayList<>();
            for (RecordKey member : component.keySet()) {
                for (MatchResult link : mergeLinks.getOrDefault(member, Map.of()).values()) {
                    if (link.left().equals(member)) {
                        links.add(link);
                    }
                }
            }
            ClusterPartitioner.Partition partition = partitioner.partitionReporting(component, links, steward);
            heldBack.putAll(partition.heldBack());
            for (List<RecordKey> cluster : partition.clusters()) {
                for (RecordKey member : cluster) {
                    clusterOf.put(member, cluster);
                }
            }
        }
    }

    /** Records reachable from start over MERGE links. */
    private Map<RecordKey, StandardizedRecord> component(RecordKey start) {
        Map<RecordKey, StandardizedRecord> component = new LinkedHashMap<>();
        Deque<RecordKey> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            RecordKey key = queue.poll();
            if (component.putIfAbsent(key, records.get(key)) == null) {
                queue.addAll(mergeLinks.getOrDefault(key, Map.of()).keySet());
            }
        }
        return component;
    }

    private static void link(Map<RecordKey, Map<RecordKey, MatchResult>> links, MatchResult result) {
        links.computeIfAbsent(result.left(), k -> new HashMap<>()).put(result.right(), result);
        links.computeIfAbsent(result.right(), k -> new HashMap<>()).put(result.left(), result);
    }

    private static Set<RecordKey> unlink(Map<RecordKey, Map<RecordKey, MatchResult>> links, RecordKey key) {
        Map<RecordKey, MatchResult> own = links.remove(key);
        if (own == null) {
            return Set.of();
        }
        for (RecordKey other : own.keySet()) {
            links.get(other).remove(key);
        }
        return own.keySet();
    }

    private static List<MatchResult> distinctLinks(Map<RecordKey, Map<RecordKey, MatchResult>> links) {
        List<MatchResult> distinct = new ArrayList<>();
        links.forEach((key, byOther) -> byOther.values().forEach(link -> {
            if (link.left().equals(key)) {
                distinct.add(link);
            }
        }));
        return distinct;
    }
}
