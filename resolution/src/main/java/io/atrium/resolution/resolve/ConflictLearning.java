package io.atrium.resolution.resolve;

import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.match.ConflictEvidence;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings' weighed conflicts learned from a population's candidate pairs ({@link ConflictEvidence}), as the
 * command line learns them from its file and the hub from its stored records, so that both weigh the same.
 * <p>
 * Only pairs that can count are formed: two persons with a full name, an identifier of one type (not both
 * validated), a birth date and an address, sharing a blocking key whose block the population's frequencies do not
 * call too common. Every other candidate pair adds nothing to the evidence, so the result is what counting every
 * candidate pair gives, while what is held is a few keys per record that may count and the pairs among them.
 * Records are offered one at a time (the hub streams its stored forms) and compared again by id in chunks
 * ({@link #weighed}), so the forms need not be held at once.
 */
public final class ConflictLearning {

    /** Record indices live in the low bits of a sorted entry, the key hash's high bits above them (as bulk blocking). */
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** Pairs compared per {@link #weighed} chunk: the forms of at most twice as many records are fetched at once. */
    static final int CHUNK = 1_000;

    private final ValueFrequencies frequencies;
    private final int maxBlockSize;
    private final LongBuffer ids = new LongBuffer(1024);
    private final List<long[]> keys = new ArrayList<>();
    /** Per offered record: its identifier type's ordinal, negated when the identifier is validated. */
    private byte[] idClass = new byte[1024];
    private long pairsCompared;

    public ConflictLearning(MatchSettings settings, ValueFrequencies frequencies) {
        this.frequencies = frequencies;
        this.maxBlockSize = settings.maxBlockSize();
    }

    /** Whether a record can take part in a pair the evidence counts (a person with these four fields). */
    public static boolean mayCount(StandardizedRecord record) {
        return record.isPerson() && record.nameKey() != null && !record.weakName() && record.idNumber() != null
                && record.idType() != null && record.birthDate() != null && record.address() != null;
    }

    /** Keeps the record's id and usable blocking keys if it may count; {@code id} is the caller's, to fetch it again. */
    public void offer(long id, StandardizedRecord record) {
        if (!mayCount(record)) {
            return;
        }
        LongBuffer usableKeys = new LongBuffer(16);
        for (BlockingKey key : Blocker.keys(record)) {
            if (frequencies.blockSize(key) <= maxBlockSize) {
                usableKeys.add(key.hash());
            }
        }
        long[] usable = usableKeys.sortedDistinct();
        if (usable.length == 0) {
            return;
        }
        int index = keys.size();
        if (index > INDEX_MASK) {
            throw new IllegalStateException("more than " + INDEX_MASK + " records that may count");
        }
        if (index == idClass.length) {
            idClass = Arrays.copyOf(idClass, index * 2);
        }
        int type = record.idType().ordinal() + 1;
        idClass[index] = (byte) (record.idValid() ? -type : type);
        ids.add(id);
        keys.add(usable);
    }

    /** Records offered that may count. */
    public int records() {
        return keys.size();
    }

    /** Pairs {@link #weighed} compared. */
    public long pairsCompared() {
        return pairsCompared;
    }

    /** The offered records' distinct pairs that can count, as indexes i < j packed i << 32 | j, sorted. */
    long[] pairs() {
        int total = keys.stream().mapToInt(k -> k.length).sum();
        long[] entries = new long[total];
        int at = 0;
        for (int i = 0; i < keys.size(); i++) {
            for (long hash : keys.get(i)) {
                entries[at++] = (hash & ~INDEX_MASK) | i;
            }
        }
        Arrays.parallelSort(entries);
        LongBuffer pairs = new LongBuffer(1 << 12);
        for (int start = 0; start < entries.length; ) {
            int end = start + 1;
            while (end < entries.length && (entries[end] & ~INDEX_MASK) == (entries[start] & ~INDEX_MASK)) {
                end++;
            }
            if (end - start > 1) {
                addBlockPairs(entries, start, end, pairs);
            }
            start = end;
        }
        return pairs.sortedDistinct();
    }

    /** Entries start..end share a key hash's high bits; members of one full hash are paired. */
    private void addBlockPairs(long[] entries, int start, int end, LongBuffer pairs) {
        long prefix = entries[start] & ~INDEX_MASK;
        List<long[]> members = new ArrayList<>(end - start);
        for (int e = start; e < end; e++) {
            int record = (int) (entries[e] & INDEX_MASK);
            for (long hash : keys.get(record)) {
                if ((hash & ~INDEX_MASK) == prefix) {
                    members.add(new long[] {hash, record});
                }
            }
        }
        members.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        for (int from = 0; from < members.size(); ) {
            int to = from + 1;
            while (to < members.size() && members.get(to)[0] == members.get(from)[0]) {
                to++;
            }
            for (int i = from; i < to; i++) {
                for (int j = i + 1; j < to; j++) {
                    int a = (int) members.get(i)[1];
                    int b = (int) members.get(j)[1];
                    // another identifier type says nothing, two validated ones are their own conflict: neither counts
                    if (Math.abs(idClass[a]) == Math.abs(idClass[b]) && (idClass[a] > 0 || idClass[b] > 0)) {
                        pairs.add((long) a << 32 | b);
                    }
                }
            }
            from = to;
        }
    }

    /**
     * The conflicts the offered records' pairs show to be slips, each pair compared as the scorer compares it.
     *
     * @param forms given the distinct ids of a chunk of pairs, their records' forms by id (the hub reads them from its
     *              store); a record gone meanwhile is left out, and so are its pairs
     */
    public Set<FieldKind> weighed(Scorer scorer, Function<long[], Map<Long, StandardizedRecord>> forms) {
        long[] pairs = pairs();
        ConflictEvidence evidence = new ConflictEvidence();
        for (int from = 0; from < pairs.length; from += CHUNK) {
            int to = Math.min(pairs.length, from + CHUNK);
            LongBuffer chunkIds = new LongBuffer(2 * (to - from));
            for (int p = from; p < to; p++) {
                chunkIds.add(ids.get((int) (pairs[p] >>> 32)));
                chunkIds.add(ids.get((int) pairs[p]));
            }
            Map<Long, StandardizedRecord> byId = forms.apply(chunkIds.sortedDistinct());
            for (int p = from; p < to; p++) {
                StandardizedRecord a = byId.get(ids.get((int) (pairs[p] >>> 32)));
                StandardizedRecord b = byId.get(ids.get((int) pairs[p]));
                if (a != null && b != null) {
                    evidence.add(scorer.comparisonPattern(a, b), 1);
                    pairsCompared++;
                }
            }
        }
        return evidence.weighed();
    }

    /** What the command line learns from its records (all of them, one per key). */
    public static Set<FieldKind> of(List<StandardizedRecord> records, Scorer scorer, ValueFrequencies frequencies) {
        return learn(records, scorer, frequencies).weighed();
    }

    /**
     * @param records       that may count
     * @param pairsCompared candidate pairs among them
     */
    public record Learned(Set<FieldKind> weighed, int records, long pairsCompared) {
    }

    /** {@link #of}, with what it took. */
    public static Learned learn(List<StandardizedRecord> records, Scorer scorer, ValueFrequencies frequencies) {
        ConflictLearning learning = new ConflictLearning(scorer.settings(), frequencies);
        for (int i = 0; i < records.size(); i++) {
            learning.offer(i, records.get(i));
        }
        Set<FieldKind> weighed = learning.weighed(scorer, ids -> {
            Map<Long, StandardizedRecord> byId = new HashMap<>();
            for (long id : ids) {
                byId.put(id, records.get((int) id));
            }
            return byId;
        });
        return new Learned(weighed, learning.records(), learning.pairsCompared());
    }
}
