package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.resolution.cli.PairwiseEvaluation;
import io.atrium.resolution.model.RecordKey;
import io.atrium.simulators.labeled.LabeledExport;
import io.atrium.simulators.population.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, item 2: a first load through {@code POST /loads}. The hub's clusters after a load are those of
 * {@code hub-match resolve} on the same file; records arriving afterwards through the normal intake end as bulk
 * resolution of all of them would put them; broken lines are rejected with their line and reason while the rest
 * loads; a load failing on the database (a record the hub already stores) leaves the hub as it was; a file dropped
 * into the load inbox is loaded the same way and moved aside; a load learns the conflicts weighed from its records
 * before it resolves them, as the command line learns them from the file (issue 19).
 */
class FirstLoadIT extends DeployedHub {

    private static final Duration LOADED_WITHIN = Duration.ofMinutes(3);
    /**
     * Records posted after the load are weighed against the snapshot the load built (with other classes' records on
     * a shared server), bulk resolution of all against all of them: a pair or two of ~700 records may differ.
     */
    private static final double AGREEMENT_WITH_BULK = 0.98;

    @Test
    void aLoadFollowedByIncrementalRecordsGivesTheClustersOfBulkResolution(@TempDir Path dir) throws IOException {
        HubClient hub = hub();
        String prefix = "fl" + TestData.runId() + "-";
        List<ObjectNode> population = new ArrayList<>();
        population.addAll(HubEqualsBulkIT.labeled(Script.CHINESE, 17021, 150, prefix, "zh-"));
        population.addAll(HubEqualsBulkIT.labeled(Script.LATIN, 17022, 100, prefix, "la-"));
        Map<RecordKey, String> truth = new HashMap<>();
        population.forEach(r -> truth.put(key(r), r.get(LabeledExport.TRUTH_ID).asText()));
        int loaded = population.size() * 4 / 5;
        List<ObjectNode> load = population.subList(0, loaded);
        List<ObjectNode> incremental = population.subList(loaded, population.size());

        List<String> lines = new ArrayList<>(load.stream().map(ObjectNode::toString).toList());
        lines.add(2, "{\"source\": \"" + prefix + "x\", \"name\": ");
        lines.add(10, "{\"source\": \"" + prefix + "x\", \"name\": \"no key\"}");
        HubClient.Response started = hub.postLines("loads", HubClient.ADMIN, String.join("\n", lines) + "\n");
        assertEquals(202, started.status(), started.body());
        String id = started.json().get("id").asText();

        HubClient.Response second = hub.postLines("loads", HubClient.ADMIN, lines.get(0) + "\n");
        assertEquals(409, second.status(), "a second load while one runs: " + second.body());
        assertTrue(second.json().get("error").asText().contains(id), second.body());

        JsonNode done = awaitLoad(hub, id);
        assertEquals("DONE", done.get("state").asText(), done.toString());
        assertEquals("FINISHED", done.get("phase").asText());
        assertEquals(1.0, done.get("progress").asDouble());
        assertEquals(load.size(), done.get("recordsRead").asLong());
        assertEquals(load.size(), done.get("records").asLong());
        assertEquals(2, done.get("rejected").asLong());
        assertEquals(List.of(3, 11), lineNumbers(done.get("rejections")));
        done.get("rejections").forEach(r -> assertFalse(r.get("reason").asText().isBlank(), r.toString()));
        assertTrue(hub.get("loads", HubClient.OPERATOR).json().findValuesAsText("id").contains(id));

        Path loadFile = dir.resolve("load.jsonl");
        Files.write(loadFile, load.stream().map(ObjectNode::toString).toList(), StandardCharsets.UTF_8);
        List<List<RecordKey>> loadedClusters = HubEqualsBulkIT.clusters(HubEqualsBulkIT.crosswalk(hub, prefix));
        assertEquals(HubEqualsBulkIT.asSets(HubEqualsBulkIT.bulkClusters(loadFile, dir.resolve("load.csv"))),
                HubEqualsBulkIT.asSets(loadedClusters), "the load's clusters are hub-match resolve's on the same file");
        assertEquals(loadedClusters.size(), done.get("customers").asLong());
        String customerId = HubEqualsBulkIT.crosswalk(hub, prefix).get(key(load.get(0)));
        JsonNode customer = hub.customer(customerId);
        assertEquals("ACTIVE", customer.get("status").asText(), customer.toString());
        assertNotNull(customer.get("golden").get("name"), customer.toString());

        HubEqualsBulkIT.post(hub, incremental);
        HubEqualsBulkIT.awaitResolved(hub, prefix, population.size());
        List<List<RecordKey>> hubClusters = HubEqualsBulkIT.clusters(HubEqualsBulkIT.crosswalk(hub, prefix));
        Path allFile = dir.resolve("all.jsonl");
        Files.write(allFile, population.stream().map(ObjectNode::toString).toList(), StandardCharsets.UTF_8);
        List<List<RecordKey>> bulkClusters = HubEqualsBulkIT.bulkClusters(allFile, dir.resolve("all.csv"));

        PairwiseEvaluation agreement = PairwiseEvaluation.of(hubClusters, clusterIds(bulkClusters));
        System.out.printf(Locale.ROOT, "%d records, %d loaded: the hub against bulk resolution of all %s;"
                        + " pairwise P/R/F1 against the truth: bulk %s, hub %s%n", population.size(), loaded,
                HubEqualsBulkIT.figures(agreement), HubEqualsBulkIT.figures(PairwiseEvaluation.of(bulkClusters, truth)),
                HubEqualsBulkIT.figures(PairwiseEvaluation.of(hubClusters, truth)));
        assertTrue(agreement.f1() >= AGREEMENT_WITH_BULK, "the hub's pairs against bulk's: " + HubEqualsBulkIT.figures(agreement));
    }

    /**
     * Copies with independent slips (HubLearnsConflictsIT's population): {@code hub-match resolve} learns from the file
     * that a given name replaced beside another identifier is a slip and joins the copies with both replaced to their
     * person; the load learns the same from its records before it resolves them, so its clusters are the same.
     */
    @Test
    void aLoadLearnsTheConflictsWeighedFromItsRecordsAsTheCommandLineDoes(@TempDir Path dir) throws IOException {
        HubClient hub = hub();
        String prefix = "flc" + TestData.runId() + "-";
        List<ObjectNode> load = HubLearnsConflictsIT.copies(prefix);
        HubClient.Response started = hub.postLines("loads", HubClient.ADMIN,
                String.join("\n", load.stream().map(ObjectNode::toString).toList()) + "\n");
        assertEquals(202, started.status(), started.body());
        assertEquals("DONE", awaitLoad(hub, started.json().get("id").asText()).get("state").asText());

        Map<RecordKey, String> customerOf = HubEqualsBulkIT.crosswalk(hub, prefix);
        HubLearnsConflictsIT.assertCopiesWithBothReplacedJoined(customerOf, prefix);
        Path loadFile = dir.resolve("copies.jsonl");
        Files.write(loadFile, load.stream().map(ObjectNode::toString).toList(), StandardCharsets.UTF_8);
        assertEquals(HubEqualsBulkIT.asSets(HubEqualsBulkIT.bulkClusters(loadFile, dir.resolve("copies.csv"))),
                HubEqualsBulkIT.asSets(HubEqualsBulkIT.clusters(customerOf)), "the load's clusters are hub-match resolve's");
    }

    @Test
    void aLoadFailingOnTheDatabaseLeavesTheHubAsItWas() {
        HubClient hub = hub();
        String prefix = "flx" + TestData.runId() + "-";
        ObjectNode stored = TestData.canonicalPerson(prefix + "crm", "kept", TestData.rareName(prefix + "kept"),
                TestData.mobile(prefix + "kept"));
        hub.postRecord(stored);
        String storedCustomer = hub.awaitCustomerWithPhone(TestData.mobile(prefix + "kept"), 1).get("id").asText();
        long customersBefore = hub.get("quality", HubClient.ADMIN).json().get("hub").get("customers").asLong();

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(TestData.canonicalPerson(prefix + "erp", "E" + i, TestData.rareName(prefix + i),
                    TestData.mobile(prefix + i)).toString());
        }
        // written after the new records' customers and golden values: the database refuses its key, already stored
        HubClient.Response started = hub.postLines("loads", HubClient.ADMIN, String.join("\n", lines) + "\n" + stored + "\n");
        assertEquals(202, started.status(), started.body());
        JsonNode failed = awaitLoad(hub, started.json().get("id").asText());
        assertEquals("FAILED", failed.get("state").asText(), failed.toString());
        assertTrue(failed.get("failure").asText().contains("SQLState 23505"), failed.toString());

        Map<RecordKey, String> crosswalk = HubEqualsBulkIT.crosswalk(hub, prefix);
        assertEquals(Map.of(new RecordKey(prefix + "crm", "kept"), storedCustomer), crosswalk, "nothing of the failed load");
        assertEquals(customersBefore, hub.get("quality", HubClient.ADMIN).json().get("hub").get("customers").asLong());

        // nothing half-written stands in the way of the same records loaded again
        HubClient.Response again = hub.postLines("loads", HubClient.ADMIN, String.join("\n", lines) + "\n");
        assertEquals(202, again.status(), again.body());
        JsonNode done = awaitLoad(hub, again.json().get("id").asText());
        assertEquals("DONE", done.get("state").asText(), done.toString());
        assertEquals(41, HubEqualsBulkIT.crosswalk(hub, prefix).size());
        assertEquals(customersBefore + 40, hub.get("quality", HubClient.ADMIN).json().get("hub").get("customers").asLong());
    }

    @Test
    void aFileDroppedIntoTheLoadInboxIsLoadedAndMovedAside() {
        HubClient hub = hub();
        String prefix = "fli" + TestData.runId() + "-";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append(TestData.canonicalPerson(prefix + "erp", "I" + i, TestData.rareName(prefix + i),
                    TestData.mobile(prefix + i))).append('\n');
        }
        lines.append("not a record\n");
        Path inbox = TestData.serverData().resolve("atrium/inbox/loads");
        String fileName = prefix + "group.jsonl";
        TestData.drop(inbox, fileName, lines.toString(), StandardCharsets.UTF_8);

        await().atMost(LOADED_WITHIN).pollInterval(Duration.ofSeconds(1))
                .until(() -> Files.exists(inbox.resolve(".done").resolve(fileName)));
        assertFalse(Files.exists(inbox.resolve(fileName)));
        assertEquals(30, HubEqualsBulkIT.crosswalk(hub, prefix).size());
        JsonNode latest = hub.get("loads", HubClient.ADMIN).json().get(0);
        assertEquals("DONE", latest.get("state").asText(), latest.toString());
        assertEquals(30, latest.get("records").asLong());
        assertEquals(List.of(31), lineNumbers(latest.get("rejections")));
    }

    private static JsonNode awaitLoad(HubClient hub, String id) {
        JsonNode[] status = new JsonNode[1];
        await().atMost(LOADED_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            HubClient.Response answer = hub.get("loads/" + id, HubClient.OPERATOR);
            assertEquals(200, answer.status(), answer.body());
            status[0] = answer.json();
            return !status[0].get("state").asText().equals("RUNNING");
        });
        return status[0];
    }

    private static RecordKey key(JsonNode record) {
        return new RecordKey(record.get("source").asText(), record.get("sourceId").asText());
    }

    private static List<Integer> lineNumbers(JsonNode rejections) {
        List<Integer> numbers = new ArrayList<>();
        rejections.forEach(r -> numbers.add(r.get("line").asInt()));
        return numbers;
    }

    /** Bulk's clusters as a truth to score the hub's pairs against. */
    private static Map<RecordKey, String> clusterIds(List<List<RecordKey>> clusters) {
        Map<RecordKey, String> ids = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            for (RecordKey key : clusters.get(c)) {
                ids.put(key, Integer.toString(c));
            }
        }
        return ids;
    }
}
