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
        return new InMemoryFrequencies(hashes, counts, records.size());
    }

    @Override
    public double frequency(FieldKind field, String value) {
        return population == 0 ? 0 : (double) count(valueHash(field, value)) / population;
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
        if (r.isPerson() && r.nameKey() != null && !r.weakName()) {
            hashes.add(valueHash(FieldKind.NAME, r.nameKey()));
        }
        if (r.surname() != null) {
            hashes.add(valueHash(FieldKind.SURNAME, r.surname()));
        }
        if (r.orgName() != null) {
            hashes.add(valueHash(FieldKind.ORG_NAME, r.orgName()));
        }
        r.mobiles().forEach(p -> hashes.add(valueHash(FieldKind.PHONE, p)));
        r.landlines().forEach(p -> hashes.add(valueHash(FieldKind.PHONE, p)));
        r.emails().forEach(e -> hashes.add(valueHash(FieldKind.EMAIL, e)));
        if (r.address() != null) {
            hashes.add(valueHash(FieldKind.ADDRESS, r.address()));
        }
        for (BlockingKey key : Blocker.keys(r)) {
            hashes.add(key.hash());
        }
        return hashes.stream().mapToLong(Long::longValue).toArray();
    }
}
