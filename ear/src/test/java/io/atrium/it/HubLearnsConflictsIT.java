package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.resolution.cli.PairwiseEvaluation;
import io.atrium.resolution.model.RecordKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, items 1 and 5: the conflicts weighed are learned by the hub from its stored records as {@code hub-match}
 * learns them from its file, and the hub then decides as the command line does. A population of copies whose slips
 * (a given name replaced, an identifier replaced) befall them independently, as Febrl's do, goes through the API; after
 * {@code POST /resolver/frequencies/refresh} the hub weighs NAME ({@code GET /resolver}'s {@code conflictsWeighed}),
 * and a copy with both replaced, which the veto kept apart, joins its person once delivered again, as with
 * {@code hub-match resolve} on the same file.
 */
class HubLearnsConflictsIT extends DeployedHub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] GIVEN = {"joel", "emalcene", "chloe", "eboni", "kai", "rosie", "jenna", "layla", "micaela",
            "dale", "harley", "mitchell"};
    private static final String[] FAMILY = {"ryan", "quilliam", "pantazopoulos", "kaminskas", "thrussell", "fimeri", "rundle",
            "cresp", "stubbs", "weller", "mccarthy", "dent"};

    @Test
    void theHubLearnsTheConflictsTheCommandLineLearnsAndDecidesAlike(@TempDir Path dir) throws IOException {
        HubClient hub = hub();
        String prefix = "hlc" + TestData.runId() + "-";
        List<ObjectNode> population = copies(prefix);
        Map<RecordKey, String> truth = new HashMap<>();
        population.forEach(r -> truth.put(new RecordKey(r.get("source").asText(), r.get("sourceId").asText()),
                r.get("truthId").asText()));
        HubEqualsBulkIT.post(hub, population);
        HubEqualsBulkIT.awaitResolved(hub, prefix, population.size());

        HubClient.Response refreshed = hub.post("resolver/frequencies/refresh", HubClient.ADMIN);
        assertEquals(200, refreshed.status(), refreshed.body());
        JsonNode weighed = refreshed.json().get("conflictsWeighed");
        assertEquals("LEARNED", weighed.get("source").asText(), weighed.toString());
        assertTrue(weighed.get("weighed").toString().contains("NAME"), weighed.toString());
        assertEquals(weighed, hub.get("resolver", HubClient.OPERATOR).json().get("conflictsWeighed"), "operators see it");
        long snapshotPopulation = refreshed.json().get("frequencyPopulation").asLong();

        population.forEach(r -> r.put("delivery", 2));
        HubEqualsBulkIT.post(hub, population);
        HubEqualsBulkIT.awaitResolved(hub, prefix, population.size());
        List<List<RecordKey>> hubClusters = HubEqualsBulkIT.hubClusters(hub, prefix);
        assertCopiesWithBothReplacedJoined(HubEqualsBulkIT.crosswalk(hub, prefix), prefix);

        Path file = dir.resolve("copies.jsonl");
        Files.write(file, population.stream().map(ObjectNode::toString).toList(), StandardCharsets.UTF_8);
        List<List<RecordKey>> bulkClusters = HubEqualsBulkIT.bulkClusters(file, dir.resolve("clusters.csv"));
        PairwiseEvaluation bulk = PairwiseEvaluation.of(bulkClusters, truth);
        PairwiseEvaluation hubs = PairwiseEvaluation.of(hubClusters, truth);
        System.out.printf(Locale.ROOT, "%d records; pairwise P/R/F1: bulk %s, hub %s; snapshot counted %d records%n",
                truth.size(), HubEqualsBulkIT.figures(bulk), HubEqualsBulkIT.figures(hubs), snapshotPopulation);
        if (snapshotPopulation == truth.size()) {
            assertEquals(HubEqualsBulkIT.asSets(bulkClusters), HubEqualsBulkIT.asSets(hubClusters), "the hub's partition is bulk's");
        } else {
            // other classes' records shift term-frequency weights, as in HubEqualsBulkIT
            assertEquals(bulk.f1(), hubs.f1(), 0.02, "the hub's F1 with other classes' records in its snapshot");
        }
    }

    /** The three copies of {@link #copies} with a given name and an identifier replaced are with their person. */
    static void assertCopiesWithBothReplacedJoined(Map<RecordKey, String> customerOf, String prefix) {
        for (int p = 0; p < 3; p++) {
            assertEquals(customerOf.get(new RecordKey(prefix + "febrl", "rec-" + p + "-0")),
                    customerOf.get(new RecordKey(prefix + "febrl", "rec-" + p + "-4")), "the copy with two fields replaced");
        }
    }

    /**
     * Twelve people, each an original, an exact copy, a copy with its given name replaced and one with its identifier
     * replaced (never validated, as in Febrl); three of them also a copy with both replaced, pairwise a twin.
     */
    static List<ObjectNode> copies(String prefix) throws IOException {
        List<ObjectNode> records = new ArrayList<>();
        for (int p = 0; p < GIVEN.length; p++) {
            String birthDate = String.format(Locale.ROOT, "19%02d-%02d-%02d", 40 + p * 3, 1 + p % 12, 3 + p * 2);
            String address = (10 + p) + " wallaby place delmar cleveland " + (2100 + p) + " sa";
            String id = String.valueOf(1_000_003 + p * 777_777L);
            String[][] copies = {{GIVEN[p], id}, {GIVEN[p], id}, {GIVEN[(p + 5) % GIVEN.length], id},
                    {GIVEN[p], String.valueOf(9_100_009 - p * 313_131L)},
                    {GIVEN[(p + 7) % GIVEN.length], String.valueOf(5_500_001 + p * 11_111L)}};
            for (int c = 0; c < (p < 3 ? 5 : 4); c++) {
                records.add((ObjectNode) JSON.readTree(String.format(Locale.ROOT,
                        "{\"source\":\"%sfebrl\",\"sourceId\":\"rec-%d-%d\",\"truthId\":\"rec-%d\",\"kind\":\"PERSON\","
                                + "\"name\":\"%s %s\",\"givenName\":\"%s\",\"familyName\":\"%s\",\"birthDate\":\"%s\","
                                + "\"address\":\"%s\",\"idType\":\"OTHER\",\"idNumber\":\"%s\"}",
                        prefix, p, c, p, copies[c][0], FAMILY[p], copies[c][0], FAMILY[p], birthDate, address, copies[c][1])));
            }
        }
        return records;
    }
}
