package io.atrium.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.resolution.model.RecordKey;
import io.atrium.simulators.population.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, item 1: bulk = incremental on the hub's own resolve path. One labeled population goes through the
 * hub's intake three times, each time shuffled anew and split into requests of random sizes (the suite's server
 * resolves them in two sessions): first as new records; then, after the frequency snapshot was refreshed, twice
 * as changed versions (an attribute the matcher does not read), so that every pair is scored against that one
 * snapshot. The clusters after the second and the third pass must be identical, whatever order and batching the
 * records came in; and when the snapshot counts exactly this population (this class alone on the server), they
 * must be those of {@code hub-match resolve} (the engine's {@code BulkResolver}) on the same records.
 * {@link HubEqualsBulkIT} compares the hub with bulk on one arrival order.
 */
class HubOrderIndependenceIT extends DeployedHub {

    private static final int MAX_LINES_PER_REQUEST = 60;

    @Test
    void theHubsClustersAreBulksWhateverTheOrderAndBatching(@TempDir Path dir) throws IOException {
        HubClient hub = hub();
        String prefix = "hoi" + TestData.runId() + "-";
        List<ObjectNode> population = new ArrayList<>();
        population.addAll(HubEqualsBulkIT.labeled(Script.CHINESE, 17001, 90, prefix, "zh-"));
        population.addAll(HubEqualsBulkIT.labeled(Script.LATIN, 17002, 60, prefix, "la-"));
        List<ObjectNode> copies = copiesInConflict(prefix);
        population.addAll(copies);
        Random random = new Random(17);

        postShuffled(hub, population, random);
        HubEqualsBulkIT.awaitResolved(hub, prefix, population.size());
        HubClient.Response refreshed = hub.post("resolver/frequencies/refresh", HubClient.ADMIN);
        assertEquals(200, refreshed.status(), refreshed.body());
        long snapshotPopulation = refreshed.json().get("frequencyPopulation").asLong();

        population.forEach(r -> r.put("delivery", 2));
        postShuffled(hub, population, random);
        HubEqualsBulkIT.awaitResolved(hub, prefix, population.size());
        Set<Set<RecordKey>> secondPass = HubEqualsBulkIT.asSets(HubEqualsBulkIT.hubClusters(hub, prefix));

        population.forEach(r -> r.put("delivery", 3));
        postShuffled(hub, population, random);
        HubEqualsBulkIT.awaitResolved(hub, prefix, population.size());
        Set<Set<RecordKey>> thirdPass = HubEqualsBulkIT.asSets(HubEqualsBulkIT.hubClusters(hub, prefix));

        assertEquals(secondPass, thirdPass, "the same records in another order and other batches give other customers");
        for (int person = 0; person < copies.size(); person += 3) {
            Set<RecordKey> one = Set.of(key(copies.get(person)), key(copies.get(person + 1)), key(copies.get(person + 2)));
            assertTrue(thirdPass.contains(one), "the original explains its two copies' conflict away: one customer");
        }
        System.out.printf("%d records in %d customers; snapshot counted %d records%n", population.size(), thirdPass.size(),
                snapshotPopulation);
        if (snapshotPopulation == population.size()) {
            Path file = dir.resolve("population.jsonl");
            Files.write(file, population.stream().map(ObjectNode::toString).toList(), StandardCharsets.UTF_8);
            assertEquals(HubEqualsBulkIT.asSets(HubEqualsBulkIT.bulkClusters(file, dir.resolve("clusters.csv"))), thirdPass,
                    "the hub's partition is bulk's");
        }
    }

    /**
     * Issue 19: three records of one person each, the original, a copy with its unvalidated identifier mistyped beyond a
     * typo, a copy with another birth date. The copies conflict with each other; the original agrees with each on what the
     * other got wrong, so the engine joins all three whichever arrives last.
     */
    private static List<ObjectNode> copiesInConflict(String prefix) {
        List<ObjectNode> copies = new ArrayList<>();
        String run = TestData.runId();
        for (int person = 0; person < 4; person++) {
            String seed = run + person;
            String name = TestData.rareName(seed);
            String idNumber = String.valueOf(1_000_000 + Math.floorMod(TestData.mixed(seed), 8_000_000));
            // the last two digits replaced: two edits, not a typo
            String mistyped = idNumber.substring(0, 5) + (char) ('0' + (idNumber.charAt(5) - '0' + 5) % 10)
                    + (char) ('0' + (idNumber.charAt(6) - '0' + 5) % 10);
            String born = TestData.birthDate(seed).toString();
            String address = "上海市徐汇区漕溪北路" + (100 + person) + "号" + seed;
            copies.add(copy(prefix, seed + "o", name, idNumber, born, address, person));
            copies.add(copy(prefix, seed + "i", name, mistyped, born, address, person));
            copies.add(copy(prefix, seed + "d", name, idNumber, TestData.birthDate(seed + "d").toString(), address, person));
        }
        return copies;
    }

    private static ObjectNode copy(String prefix, String sourceId, String name, String idNumber, String born, String address, int person) {
        ObjectNode copy = TestData.canonicalPerson(prefix + "febrl", sourceId, name, null);
        copy.remove("phones");
        return copy.put("idType", "OTHER").put("idNumber", idNumber).put("birthDate", born).put("address", address)
                .put("truthId", "copies-" + person);
    }

    private static RecordKey key(ObjectNode record) {
        return new RecordKey(record.get("source").asText(), record.get("sourceId").asText());
    }

    /** In an order of its own, in requests of 1 to {@link #MAX_LINES_PER_REQUEST} lines. */
    private static void postShuffled(HubClient hub, List<ObjectNode> records, Random random) {
        List<ObjectNode> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, random);
        for (int from = 0; from < shuffled.size(); ) {
            int to = Math.min(shuffled.size(), from + 1 + random.nextInt(MAX_LINES_PER_REQUEST));
            StringBuilder body = new StringBuilder();
            shuffled.subList(from, to).forEach(r -> body.append(r).append('\n'));
            HubClient.Response answer = hub.postRecords(HubClient.APP, body.toString());
            assertEquals(202, answer.status(), answer.body());
            assertEquals(0, answer.json().get("rejected").asInt(), answer.body());
            from = to;
        }
    }
}
