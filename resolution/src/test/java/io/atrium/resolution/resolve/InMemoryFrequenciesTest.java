package io.atrium.resolution.resolve;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryFrequenciesTest {

    /** The hub counts each record's hashes in its database and builds the snapshot from those counts. */
    @Test
    void snapshotFromStoredCountsEqualsTheOneBuiltFromRecords() {
        List<StandardizedRecord> records = Fixtures.population().stream().map(Standardizer::standardize).toList();
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, FieldKind> fieldOf = new HashMap<>();
        for (StandardizedRecord r : records) {
            InMemoryFrequencies.hashes(r, (field, hash) -> {
                counts.merge(hash, 1, Integer::sum);
                if (field != null) {
                    fieldOf.put(hash, field);
                }
            });
        }
        double[] squares = new double[FieldKind.values().length];
        double[] sums = new double[FieldKind.values().length];
        counts.forEach((hash, count) -> {
            FieldKind field = fieldOf.get(hash);
            if (field != null) {
                squares[field.ordinal()] += (double) count * count;
                sums[field.ordinal()] += count;
            }
        });
        double[] typical = new double[sums.length];
        for (int f = 0; f < sums.length; f++) {
            typical[f] = sums[f] == 0 ? 0 : squares[f] / sums[f] / records.size();
        }
        long[] hashes = counts.keySet().stream().mapToLong(Long::longValue).toArray();
        int[] values = new int[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            values[i] = counts.get(hashes[i]);
        }

        InMemoryFrequencies built = InMemoryFrequencies.of(records);
        InMemoryFrequencies stored = InMemoryFrequencies.fromCounts(hashes, values, records.size(), typical);

        boolean someBlockShared = false;
        for (StandardizedRecord r : records) {
            for (BlockingKey key : Blocker.keys(r)) {
                assertEquals(built.blockSize(key), stored.blockSize(key), key.rule().name());
                someBlockShared |= stored.blockSize(key) > 1;
            }
            if (r.surname() != null) {
                assertEquals(built.frequency(FieldKind.SURNAME, r.surname()), stored.frequency(FieldKind.SURNAME, r.surname()), 1e-12);
            }
        }
        assertTrue(someBlockShared, "the fixture population shares blocks");
        for (FieldKind field : FieldKind.values()) {
            assertEquals(built.typicalFrequency(field), stored.typicalFrequency(field), 1e-12, field.name());
        }
    }
}
