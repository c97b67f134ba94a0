package io.atrium.resolution.cli;

import io.atrium.resolution.match.Evidence;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The most recall a matcher can reach that never merges on a name alone: within each true entity, two
 * records connect when the scorer finds evidence of positive weight beyond name and gender (identifier,
 * birth date, phone, e-mail or address); a true pair counts when its records lie in one connected part.
 */
record RecallCeiling(long pairsWithEvidence, long truePairs) {

    private static final Set<FieldKind> BEYOND_NAME =
            EnumSet.of(FieldKind.ID_NUMBER, FieldKind.BIRTH_DATE, FieldKind.PHONE, FieldKind.EMAIL, FieldKind.ADDRESS);

    /** {@code records} one per key; records without a label are entities of their own. */
    static RecallCeiling of(Collection<StandardizedRecord> records, Map<RecordKey, String> truth, Scorer scorer,
                            ValueFrequencies frequencies) {
        Map<String, List<StandardizedRecord>> entities = new HashMap<>();
        for (StandardizedRecord record : records) {
            String label = truth.get(record.key());
            if (label != null) {
                entities.computeIfAbsent(label, l -> new ArrayList<>()).add(record);
            }
        }
        long withEvidence = 0;
        long all = 0;
        for (List<StandardizedRecord> entity : entities.values()) {
            int[] parent = new int[entity.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
                for (int j = 0; j < i; j++) {
                    if (beyondName(scorer, entity.get(i), entity.get(j), frequencies)) {
                        parent[root(parent, i)] = root(parent, j);
                    }
                }
            }
            Map<Integer, Long> partSizes = new HashMap<>();
            for (int i = 0; i < parent.length; i++) {
                partSizes.merge(root(parent, i), 1L, Long::sum);
            }
            withEvidence += partSizes.values().stream().mapToLong(RecallCeiling::pairs).sum();
            all += pairs(entity.size());
        }
        return new RecallCeiling(withEvidence, all);
    }

    double ceiling() {
        return truePairs == 0 ? 1.0 : (double) pairsWithEvidence / truePairs;
    }

    private static boolean beyondName(Scorer scorer, StandardizedRecord a, StandardizedRecord b, ValueFrequencies frequencies) {
        for (Evidence e : scorer.score(a, b, frequencies).evidence()) {
            if (e.weight() > 0 && BEYOND_NAME.contains(e.field())) {
                return true;
            }
        }
        return false;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }
}
