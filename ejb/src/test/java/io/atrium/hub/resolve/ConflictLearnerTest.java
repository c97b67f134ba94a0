package io.atrium.hub.resolve;

import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.resolve.ConflictLearning;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub's pass over its stored forms learns what {@code hub-match} learns from the same records: stored forms whose
 * copies show a given name replaced and an identifier replaced as independent slips weigh NAME; stored twins (another
 * given name and identifier at one birth date and address) keep the veto. More persons than one chunk of the scan holds.
 */
class ConflictLearnerTest {

    private static final String[] GIVEN = {"joel", "emalcene", "chloe", "eboni", "kai", "rosie", "jenna", "layla", "micaela",
            "dale", "harley", "mitchell", "tahlia", "brodie", "jaiden", "lachlan", "isabella", "zac", "samuel", "ella"};
    private static final String[] FAMILY = {"ryan", "quilliam", "pantazopoulos", "kaminskas", "thrussell", "fimeri", "rundle",
            "cresp", "stubbs", "weller", "mccarthy", "dent", "whiteway", "nolan", "campbell", "matthews", "reid", "white",
            "berry", "webb"};
    private static final int PERSONS = 300;

    private final Scorer scorer = new Scorer(MatchSettings.defaults());

    private static StandardizedRecord record(int p, int copy, String given, String idNumber) {
        String family = FAMILY[p % FAMILY.length] + (p / FAMILY.length == 0 ? "" : "o" + "x".repeat(p / FAMILY.length));
        return Standardizer.standardize(PartyRecordJson.read(String.format(
                "{\"source\":\"febrl\",\"sourceId\":\"rec-%d-%d\",\"kind\":\"PERSON\",\"name\":\"%s %s\",\"givenName\":\"%s\","
                        + "\"familyName\":\"%s\",\"birthDate\":\"19%02d-%02d-%02d\",\"address\":\"%d wallaby place %s %d sa\","
                        + "\"idType\":\"OTHER\",\"idNumber\":\"%s\"}",
                p, copy, given, family, given, family, 30 + p % 60, 1 + p % 12, 1 + p % 28, 10 + p, FAMILY[(p + 3) % FAMILY.length],
                2000 + p, idNumber)));
    }

    /** Stored by id in arrival order: per person an original, a copy, a copy with another identifier, and more. */
    private static TreeMap<Long, StandardizedRecord> stored(boolean twins) {
        List<StandardizedRecord> records = new ArrayList<>();
        for (int p = 0; p < PERSONS; p++) {
            String id = String.valueOf(1_000_003 + p * 7_777L);
            String given = GIVEN[p % GIVEN.length];
            records.add(record(p, 0, given, id));
            records.add(record(p, 1, given, id));
            records.add(record(p, 2, given, String.valueOf(9_100_009 - p * 3_131L)));
            if (!twins || p % 6 == 0) {
                records.add(record(p, 3, GIVEN[(p + 5) % GIVEN.length], id));
            }
            if (twins || p % 4 == 0) {
                records.add(record(p, 4, GIVEN[(p + 7) % GIVEN.length], String.valueOf(5_500_001 + p * 1_111L)));
            }
        }
        TreeMap<Long, StandardizedRecord> byId = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            byId.put(100L + 3L * i, records.get(i));
        }
        return byId;
    }

    /** Stored forms as the hub's store gives them, counting the scan's reads. */
    private static final class Store implements ConflictLearner.Forms {
        final TreeMap<Long, StandardizedRecord> byId;
        int scans;

        Store(TreeMap<Long, StandardizedRecord> byId) {
            this.byId = byId;
        }

        @Override
        public List<Map.Entry<Long, StandardizedRecord>> after(long afterId, int size) {
            scans++;
            return byId.tailMap(afterId, false).entrySet().stream().limit(size)
                    .map(e -> (Map.Entry<Long, StandardizedRecord>) new AbstractMap.SimpleEntry<>(e.getKey(), e.getValue())).toList();
        }

        @Override
        public Map<Long, StandardizedRecord> byIds(long[] ids) {
            Map<Long, StandardizedRecord> forms = new HashMap<>();
            for (long id : ids) {
                if (byId.containsKey(id)) {
                    forms.put(id, byId.get(id));
                }
            }
            return forms;
        }
    }

    private Set<FieldKind> learned(TreeMap<Long, StandardizedRecord> byId, Store store) {
        List<StandardizedRecord> records = new ArrayList<>(byId.values());
        ConflictLearning learning = new ConflictLearning(scorer.settings(), InMemoryFrequencies.of(records).withNamePrior());
        return ConflictLearner.learn(store, learning, scorer);
    }

    @Test
    void storedCopiesWithIndependentSlipsWeighTheNameAsTheCommandLineDoes() {
        TreeMap<Long, StandardizedRecord> byId = stored(false);
        Store store = new Store(byId);
        Set<FieldKind> learned = learned(byId, store);

        assertTrue(learned.contains(FieldKind.NAME), learned.toString());
        List<StandardizedRecord> records = new ArrayList<>(byId.values());
        assertEquals(ConflictLearning.of(records, scorer, InMemoryFrequencies.of(records).withNamePrior()), learned,
                "what hub-match learns from the same records");
        assertEquals(byId.size() / ConflictLearner.SCAN + 2, store.scans, "read a chunk at a time, the last one empty");
    }

    @Test
    void storedTwinsKeepTheVeto() {
        TreeMap<Long, StandardizedRecord> byId = stored(true);
        Set<FieldKind> learned = learned(byId, new Store(byId));

        assertEquals(Set.of(), learned);
        List<StandardizedRecord> records = new ArrayList<>(byId.values());
        assertEquals(ConflictLearning.of(records, scorer, InMemoryFrequencies.of(records).withNamePrior()), learned);
    }
}
