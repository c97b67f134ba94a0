package io.atrium.resolution.resolve;

import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConflictLearningTest {

    private static final String[] GIVEN = {"joel", "emalcene", "chloe", "eboni", "kai", "rosie", "jenna", "layla", "micaela",
            "dale", "harley", "mitchell"};
    private static final String[] FAMILY = {"ryan", "quilliam", "pantazopoulos", "kaminskas", "thrussell", "fimeri", "rundle",
            "cresp", "stubbs", "weller", "mccarthy", "dent"};

    private final Scorer scorer = new Scorer(MatchSettings.defaults());

    private static StandardizedRecord record(String id, String given, int p, String idNumber) {
        String birthDate = String.format("19%02d-%02d-%02d", 40 + p * 3, 1 + p % 12, 3 + p * 2);
        String address = (10 + p) + " wallaby place delmar cleveland " + (2100 + p) + " sa";
        return Standardizer.standardize(PartyRecordJson.read(String.format(
                "{\"source\":\"febrl\",\"sourceId\":\"%s\",\"kind\":\"PERSON\",\"name\":\"%s %s\",\"givenName\":\"%s\","
                        + "\"familyName\":\"%s\",\"birthDate\":\"%s\",\"address\":\"%s\",\"idType\":\"OTHER\",\"idNumber\":\"%s\"}",
                id, given, FAMILY[p], given, FAMILY[p], birthDate, address, idNumber)));
    }

    /**
     * Per person an original, an exact copy and a copy with its identifier replaced; with {@code slips} a copy with its
     * given name replaced for every person and one with both replaced for three; with {@code twins} a twin for every
     * person (another given name and identifier) and a replaced given name for two only.
     */
    private static List<StandardizedRecord> population(boolean twins) {
        List<StandardizedRecord> records = new ArrayList<>();
        for (int p = 0; p < GIVEN.length; p++) {
            String id = String.valueOf(1_000_003 + p * 777_777L);
            records.add(record("rec-" + p + "-0", GIVEN[p], p, id));
            records.add(record("rec-" + p + "-1", GIVEN[p], p, id));
            records.add(record("rec-" + p + "-2", GIVEN[p], p, String.valueOf(9_100_009 - p * 313_131L)));
            if (!twins || p < 2) {
                records.add(record("rec-" + p + "-3", GIVEN[(p + 5) % GIVEN.length], p, id));
            }
            if (twins || p < 3) {
                records.add(record("rec-" + p + "-4", GIVEN[(p + 7) % GIVEN.length], p, String.valueOf(5_500_001 + p * 11_111L)));
            }
            // an undated record never counts
            records.add(Standardizer.standardize(PartyRecordJson.read("{\"source\":\"crm\",\"sourceId\":\"x" + p
                    + "\",\"kind\":\"PERSON\",\"name\":\"" + GIVEN[p] + " " + FAMILY[p] + "\",\"address\":\"" + (10 + p)
                    + " wallaby place delmar cleveland " + (2100 + p) + " sa\",\"idType\":\"OTHER\",\"idNumber\":\"77\"}")));
        }
        return records;
    }

    private static ValueFrequencies frequencies(List<StandardizedRecord> records) {
        return InMemoryFrequencies.of(records).withNamePrior();
    }

    @Test
    void copiesWithTheirSlipsWeighTheNameAndTwinsKeepTheVetoAsCountingEveryCandidatePairDoes() {
        List<StandardizedRecord> slips = population(false);
        assertEquals(Set.of(FieldKind.NAME), ConflictLearning.of(slips, scorer, frequencies(slips)));
        assertEquals(new BulkResolver(scorer).learnWeights(slips, frequencies(slips)).settings().weighedConflicts(),
                ConflictLearning.of(slips, scorer, frequencies(slips)), "what EM over every candidate pair learns");

        List<StandardizedRecord> twins = population(true);
        assertEquals(Set.of(), ConflictLearning.of(twins, scorer, frequencies(twins)));
        assertEquals(new BulkResolver(scorer).learnWeights(twins, frequencies(twins)).settings().weighedConflicts(),
                ConflictLearning.of(twins, scorer, frequencies(twins)));
    }

    @Test
    void recordsOfferedInAnyOrderUnderTheirOwnIdsAndReadBackInChunksLearnTheSame() {
        List<StandardizedRecord> slips = population(false);
        ValueFrequencies frequencies = frequencies(slips);
        List<StandardizedRecord> shuffled = new ArrayList<>(slips);
        Collections.shuffle(shuffled, new Random(7));
        Map<Long, StandardizedRecord> stored = new HashMap<>();
        ConflictLearning learning = new ConflictLearning(scorer.settings(), frequencies);
        for (int i = 0; i < shuffled.size(); i++) {
            long id = 5_000 + 13L * i;
            stored.put(id, shuffled.get(i));
            learning.offer(id, shuffled.get(i));
        }
        assertEquals(12 * 4 + 3, learning.records(), "the undated records are not kept");
        List<Integer> chunkSizes = new ArrayList<>();
        Set<FieldKind> weighed = learning.weighed(scorer, ids -> {
            chunkSizes.add(ids.length);
            Map<Long, StandardizedRecord> forms = new HashMap<>();
            for (long id : ids) {
                forms.put(id, stored.get(id));
            }
            return forms;
        });
        assertEquals(Set.of(FieldKind.NAME), weighed);
        assertTrue(chunkSizes.stream().allMatch(n -> n <= 2 * ConflictLearning.CHUNK), chunkSizes.toString());
    }
}
