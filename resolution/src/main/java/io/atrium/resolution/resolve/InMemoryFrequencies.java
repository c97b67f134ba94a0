package io.atrium.resolution.resolve;

import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.blocking.Hashing;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A frozen frequency snapshot of a population: counts of standardized values and blocking keys, held as
 * sorted 64-bit hashes with counts (a few bytes per distinct value, fine for millions of records).
 * Bulk resolution builds one from its load; incremental resolution reads the same snapshot to reach the
 * same answer.
 */
public final class InMemoryFrequencies implements ValueFrequencies {

    private final long[] hashes;
    private final int[] counts;
    private final long population;
    private final double[] typical = new double[FieldKind.values().length];

    private InMemoryFrequencies(long[] hashes, int[] counts, long population) {
        this.hashes = hashes;
        this.counts = counts;
        this.population = population;
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

    private int count(long hash) {
        int at = Arrays.binarySearch(hashes, hash);
        return at < 0 ? 0 : counts[at];
    }

    private static long valueHash(FieldKind field, String value) {
        return Hashing.hash64("value:" + field.name(), value);
    }

    /** Each distinct value and key of a record counts once. */
    private static long[] hashesOf(StandardizedRecord r) {
        Set<Long> hashes = new HashSet<>();
        valuesOf(r, (field, value) -> hashes.add(valueHash(field, value)));
        for (BlockingKey key : Blocker.keys(r)) {
            hashes.add(key.hash());
        }
        return hashes.stream().mapToLong(Long::longValue).toArray();
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
    }
}
