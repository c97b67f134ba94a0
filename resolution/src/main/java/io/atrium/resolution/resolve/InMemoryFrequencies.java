package io.atrium.resolution.resolve;

import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.Hashing;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.NamePrior;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A frozen frequency snapshot of a population: counts of standardized values and blocking keys, held as
 * an open-addressing table of 64-bit hashes and counts (a few bytes per distinct value, fine for
 * millions of records, one or two memory reads per lookup).
 * Bulk resolution builds one from its load; incremental resolution reads the same snapshot to reach the
 * same answer.
 */
public final class InMemoryFrequencies implements ValueFrequencies {

    /** Slots hold hash + count; an empty slot has count 0. */
    private final long[] slotHashes;
    private final int[] slotCounts;
    private final int mask;
    private final long population;
    private final double[] typical = new double[FieldKind.values().length];

    private InMemoryFrequencies(long[] distinctHashes, int[] counts, long population) {
        int capacity = Integer.highestOneBit(Math.max(4, distinctHashes.length * 2 - 1)) << 1;
        this.slotHashes = new long[capacity];
        this.slotCounts = new int[capacity];
        this.mask = capacity - 1;
        this.population = population;
        for (int i = 0; i < distinctHashes.length; i++) {
            int slot = (int) distinctHashes[i] & mask;
            while (slotCounts[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slotHashes[slot] = distinctHashes[i];
            slotCounts[slot] = counts[i];
        }
    }

    /**
     * A snapshot from counts kept elsewhere (the hub's database): each distinct hash of {@link #hashes}
     * with the number of records carrying it, the population, and per field the typical frequency,
     * which is sum(count^2) / sum(count) / population over the field's values.
     */
    public static InMemoryFrequencies fromCounts(long[] hashes, int[] counts, long population, double[] typicalByField) {
        if (hashes.length != counts.length || typicalByField.length != FieldKind.values().length) {
            throw new IllegalArgumentException("one count per hash and one typical frequency per field are needed");
        }
        InMemoryFrequencies frequencies = new InMemoryFrequencies(hashes, counts, population);
        System.arraycopy(typicalByField, 0, frequencies.typical, 0, typicalByField.length);
        return frequencies;
    }

    /** Receives one hash of a record: a value of {@code field}, or a blocking key when field is null. */
    @FunctionalInterface
    public interface HashSink {
        void accept(FieldKind field, long hash);
    }

    /**
     * Every distinct hash a snapshot counts for this record, exactly as {@link #of} counts them: the
     * standardized values the scorer asks frequencies for, and the record's blocking keys.
     */
    public static void hashes(StandardizedRecord r, HashSink sink) {
        Set<Long> seen = new HashSet<>();
        valuesOf(r, (field, value) -> {
            long hash = valueHash(field, value);
            if (seen.add(hash)) {
                sink.accept(field, hash);
            }
        });
        for (BlockingKey key : Blocker.keys(r)) {
            if (seen.add(key.hash())) {
                sink.accept(null, key.hash());
            }
        }
    }

    public static InMemoryFrequencies of(Collection<StandardizedRecord> records) {
        long[][] perRecord = records.parallelStream().map(InMemoryFrequencies::hashesOf).toArray(long[][]::new);
        int total = 0;
        for (long[] h : perRecord) {
            total += h.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] h : perRecord) {
            System.arraycopy(h, 0, all, at, h.length);
            at += h.length;
        }
        Arrays.parallelSort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                distinct++;
            }
        }
        long[] hashes = new long[distinct];
        int[] counts = new int[distinct];
        int slot = -1;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                hashes[++slot] = all[i];
            }
            counts[slot]++;
        }
        InMemoryFrequencies frequencies = new InMemoryFrequencies(hashes, counts, records.size());
        frequencies.computeTypicalFrequencies(records);
        return frequencies;
    }

    /** Per field, the mean over the values records carry of their frequency: sum(count^2) / sum(count) / N. */
    private void computeTypicalFrequencies(Collection<StandardizedRecord> records) {
        int fields = FieldKind.values().length;
        double[] sums = records.parallelStream().map(r -> {
            double[] own = new double[2 * fields];
            valuesOf(r, (field, value) -> {
                own[2 * field.ordinal()] += count(valueHash(field, value));
                own[2 * field.ordinal() + 1]++;
            });
            return own;
        }).reduce(new double[2 * fields], (x, y) -> {
            double[] sum = new double[x.length];
            for (int i = 0; i < sum.length; i++) {
                sum[i] = x[i] + y[i];
            }
            return sum;
        });
        for (int f = 0; f < fields; f++) {
            typical[f] = sums[2 * f + 1] == 0 ? 0 : sums[2 * f] / sums[2 * f + 1] / population;
        }
    }

    /** The number of records counted. */
    public long population() {
        return population;
    }

    /** These counts with the shipped name prior blended in ({@link NamePrior}): what the bulk tool and the hub score with. */
    public ValueFrequencies withNamePrior() {
        return NamePrior.blend(this, population);
    }

    @Override
    public double frequency(FieldKind field, String value) {
        return population == 0 ? 0 : (double) count(valueHash(field, value)) / population;
    }

    @Override
    public double typicalFrequency(FieldKind field) {
        return typical[field.ordinal()];
    }

    @Override
    public long blockSize(BlockingKey key) {
        return count(key.hash());
    }

    /** {@link #blockSize(BlockingKey)} by the key's {@link BlockingKey#hash()}. */
    long blockSize(long keyHash) {
        return count(keyHash);
    }

    private int count(long hash) {
        for (int slot = (int) hash & mask; slotCounts[slot] != 0; slot = (slot + 1) & mask) {
            if (slotHashes[slot] == hash) {
                return slotCounts[slot];
            }
        }
        return 0;
    }

    private static final long[] FIELD_SEEDS = Arrays.stream(FieldKind.values())
            .mapToLong(field -> Hashing.seed("value:" + field.name())).toArray();

    private static long valueHash(FieldKind field, String value) {
        return Hashing.hash64(FIELD_SEEDS[field.ordinal()], value);
    }

    /** Each distinct value and key of a record counts once. */
    private static long[] hashesOf(StandardizedRecord r) {
        LongBuffer hashes = new LongBuffer(32);
        valuesOf(r, (field, value) -> hashes.add(valueHash(field, value)));
        for (BlockingKey key : Blocker.keys(r)) {
            hashes.add(key.hash());
        }
        return hashes.sortedDistinct();
    }

    /** The values whose frequency the scorer asks for, exactly as it will ask. */
    private static void valuesOf(StandardizedRecord r, BiConsumer<FieldKind, String> sink) {
        if (r.isPerson() && r.nameKey() != null && !r.weakName()) {
            sink.accept(FieldKind.NAME, r.nameKey());
        }
        if (r.surname() != null) {
            sink.accept(FieldKind.SURNAME, r.surname());
        }
        if (r.orgName() != null) {
            sink.accept(FieldKind.ORG_NAME, r.orgName());
        }
        Blocker.phoneKeys(r).forEach(p -> sink.accept(FieldKind.PHONE, p));
        r.emails().forEach(e -> sink.accept(FieldKind.EMAIL, e));
        if (r.address() != null) {
            sink.accept(FieldKind.ADDRESS, r.address());
        }
        r.surnameProjectKeys().forEach(key -> sink.accept(FieldKind.PROJECT, key));
    }
}
