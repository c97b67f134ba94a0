package io.atrium.resolution.resolve;

import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.cluster.ClusterPartitioner;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.match.WeightLearning;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Resolves a whole load at once. Blocking sorts (key hash, record) entries instead of building hash maps
 * of lists, so a million records block in a few hundred megabytes; candidate pairs are deduplicated as
 * packed longs and scored on all cores. Clusters come from the same {@link ClusterPartitioner} the
 * incremental side uses.
 */
public final class BulkResolver {

    /** Record indices live in the low bits of a sorted entry; the rest holds the key hash's high bits. */
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final Scorer scorer;
    private final ClusterPartitioner partitioner;

    public BulkResolver(Scorer scorer) {
        this.scorer = scorer;
        this.partitioner = new ClusterPartitioner(scorer);
    }

    /**
     * Resolves with frequencies taken from the load itself, the name prior blended in. A later record with the
     * same key replaces an earlier one.
     */
    public Clustering resolve(Collection<StandardizedRecord> load, StewardConstraints steward) {
        List<StandardizedRecord> records = latestPerKey(load);
        return resolveLatest(records, steward, InMemoryFrequencies.of(records).withNamePrior());
    }

    /** Resolves with frequencies from elsewhere, e.g. the snapshot incremental resolution also reads. */
    public Clustering resolve(Collection<StandardizedRecord> load, StewardConstraints steward, ValueFrequencies frequencies) {
        return resolveLatest(latestPerKey(load), steward, frequencies);
    }

    private Clustering resolveLatest(List<StandardizedRecord> records, StewardConstraints steward,
                                     ValueFrequencies frequencies) {
        if (records.size() > INDEX_MASK) {
            throw new IllegalArgumentException("a bulk load is limited to " + INDEX_MASK + " records");
        }
        long[] pairs = candidatePairs(records, frequencies);
        List<MatchResult> scored = IntStream.range(0, pairs.length).parallel()
                .mapToObj(p -> {
                    MatchResult result = scorer.score(records.get((int) (pairs[p] >>> 32)),
                            records.get((int) pairs[p]), frequencies);
                    return result.decision() == Decision.NO_MATCH ? null : result;
                })
                .filter(Objects::nonNull)
                .toList();
        List<MatchResult> merges = scored.stream().filter(r -> r.decision() == Decision.MERGE).toList();
        List<MatchResult> reviews = scored.stream().filter(r -> r.decision() == Decision.REVIEW).toList();
        Map<RecordKey, StandardizedRecord> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        ClusterPartitioner.Partition partition = partitioner.partitionReporting(byKey, merges, steward);
        return new Clustering(partition.clusters(), merges, reviews, partition.heldBack());
    }

    /**
     * Match probabilities learned from this load's own candidate pairs ({@link WeightLearning}), the pairs
     * blocked exactly as {@link #resolve} blocks them: the same load gives the same weights.
     */
    public WeightLearning.Learned learnWeights(Collection<StandardizedRecord> load, ValueFrequencies frequencies) {
        List<StandardizedRecord> records = latestPerKey(load);
        long[] pairs = candidatePairs(records, frequencies);
        long[] patterns = IntStream.range(0, pairs.length).parallel()
                .mapToLong(p -> scorer.comparisonPattern(records.get((int) (pairs[p] >>> 32)), records.get((int) pairs[p])))
                .toArray();
        return WeightLearning.learn(scorer.settings(), patterns);
    }

    /** The records one per key, a later record replacing an earlier one with the same key. */
    public static List<StandardizedRecord> latestPerKey(Collection<StandardizedRecord> load) {
        Map<RecordKey, StandardizedRecord> latest = new LinkedHashMap<>();
        for (StandardizedRecord record : load) {
            latest.remove(record.key());
            latest.put(record.key(), record);
        }
        return new ArrayList<>(latest.values());
    }

    /** Distinct pairs (i, j), i < j, packed as i << 32 | j, of records sharing a usable blocking key. */
    private long[] candidatePairs(List<StandardizedRecord> records, ValueFrequencies frequencies) {
        // only the keys' hashes are kept: a million records carry ten million keys, too many objects to hold
        long[][] hashes = records.parallelStream()
                .map(r -> Blocker.keys(r).stream().mapToLong(BlockingKey::hash).toArray())
                .toArray(long[][]::new);
        int total = Arrays.stream(hashes).mapToInt(h -> h.length).sum();
        long[] entries = new long[total];
        int at = 0;
        for (int i = 0; i < hashes.length; i++) {
            for (long hash : hashes[i]) {
                entries[at++] = (hash & ~INDEX_MASK) | i;
            }
        }
        Arrays.parallelSort(entries);
        LongBuffer pairs = new LongBuffer(1 << 16);
        int maxBlock = scorer.settings().maxBlockSize();
        for (int start = 0; start < entries.length; ) {
            int end = start + 1;
            while (end < entries.length && (entries[end] & ~INDEX_MASK) == (entries[start] & ~INDEX_MASK)) {
                end++;
            }
            if (end - start > 1) {
                addBlockPairs(entries, start, end, records, hashes, frequencies, maxBlock, pairs);
            }
            start = end;
        }
        return pairs.sortedDistinct();
    }

    /** The size of the block of the record's k-th key (whose hash is given), as the frequency snapshot knows it. */
    private static long blockSize(ValueFrequencies frequencies, StandardizedRecord record, long hash, int k) {
        if (frequencies instanceof InMemoryFrequencies snapshot) {
            return snapshot.blockSize(hash);
        }
        int i = 0;
        for (BlockingKey key : Blocker.keys(record)) {
            if (i++ == k) {
                return frequencies.blockSize(key);
            }
        }
        throw new IllegalStateException("the record's keys changed while blocking");
    }

    /**
     * Entries start..end share the high bits of a key hash; almost always one key, but distinct keys that
     * collide on those bits are told apart by their full hash before pairing.
     */
    private static void addBlockPairs(long[] entries, int start, int end, List<StandardizedRecord> records, long[][] hashes,
                                      ValueFrequencies frequencies, int maxBlock, LongBuffer pairs) {
        long prefix = entries[start] & ~INDEX_MASK;
        List<long[]> members = new ArrayList<>(end - start);
        boolean oneKey = true;
        for (int e = start; e < end; e++) {
            int record = (int) (entries[e] & INDEX_MASK);
            long[] own = hashes[record];
            for (int k = 0; k < own.length; k++) {
                if ((own[k] & ~INDEX_MASK) == prefix) {
                    members.add(new long[] {own[k], record, k});
                    oneKey &= own[k] == members.get(0)[0];
                }
            }
        }
        if (!oneKey) {
            members.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        }
        for (int from = 0; from < members.size(); ) {
            int to = from + 1;
            while (to < members.size() && members.get(to)[0] == members.get(from)[0]) {
                to++;
            }
            long[] first = members.get(from);
            if (to - from > 1 && blockSize(frequencies, records.get((int) first[1]), first[0], (int) first[2]) <= maxBlock) {
                for (int i = from; i < to; i++) {
                    for (int j = i + 1; j < to; j++) {
                        pairs.add(members.get(i)[1] << 32 | members.get(j)[1]);
                    }
                }
            }
            from = to;
        }
    }
}
