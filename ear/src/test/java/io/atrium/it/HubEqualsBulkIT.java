package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.resolution.cli.Main;
import io.atrium.resolution.cli.PairwiseEvaluation;
import io.atrium.resolution.model.RecordKey;
import io.atrium.simulators.labeled.LabeledExport;
import io.atrium.simulators.population.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, item 5: the hub decides as the command line does. A labeled population of the simulators
 * (Chinese and Latin script, with their traps) goes through {@code POST /ingest/records} in arrival order,
 * and the hub's clusters ({@code GET /crosswalk}) are compared with {@code hub-match resolve} on the same
 * file, run in this JVM with default settings.
 * <p>
 * What the hub guarantees: clusters are a pure function of the records, their links and the frequency
 * snapshot, whatever the arrival order; a record is scored against the snapshot in force when it
 * arrives, and re-scored only when it changes. Records that arrive before the snapshot counts their
 * population are weighed against another one (at a fresh start, an empty one), as an operator's bulk
 * load is until {@code POST /resolver/frequencies/refresh}. So the test loads, refreshes, and delivers
 * every record again as a changed version (an attribute the matcher does not read), which re-scores
 * each pair against the refreshed snapshot. When that snapshot counts exactly this population (this
 * class alone on the server) it is bulk's, and the partitions must be identical; on a shared server
 * the other classes' records are counted too and move term-frequency weights a little, so the hub's
 * pairwise F1 against the truth must then equal bulk's within {@link #SHARED_SERVER_F1_TOLERANCE}.
 */
class HubEqualsBulkIT extends DeployedHub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LINES_PER_REQUEST = 50;
    /**
     * The suite's two resolver sessions take batches of one population's records that share keys, so they take
     * turns; on H2 the queue drains in one to two minutes on a loaded machine, the rest is margin.
     */
    private static final Duration RESOLVED_WITHIN = Duration.ofMinutes(10);
    /** Other classes' records shift term-frequency weights; a flip or two of ~700 records' pairs stays within it. */
    private static final double SHARED_SERVER_F1_TOLERANCE = 0.02;

    @Test
    void theHubsClustersOfALabeledPopulationAreThoseOfBulkResolution(@TempDir Path dir) throws IOException {
        HubClient hub = hub();
        String prefix = "heq" + TestData.runId() + "-";
        List<ObjectNode> population = new ArrayList<>();
        population.addAll(labeled(Script.CHINESE, 19005, 160, prefix, "zh-"));
        population.addAll(labeled(Script.LATIN, 19006, 120, prefix, "la-"));
        Map<RecordKey, String> truth = new HashMap<>();
        population.forEach(r -> truth.put(new RecordKey(r.get("source").asText(), r.get("sourceId").asText()),
                r.get(LabeledExport.TRUTH_ID).asText()));

        post(hub, population);
        awaitResolved(hub, prefix, truth.size());
        List<List<RecordKey>> firstPass = hubClusters(hub, prefix);

        HubClient.Response refreshed = hub.post("resolver/frequencies/refresh", HubClient.ADMIN);
        assertEquals(200, refreshed.status(), refreshed.body());
        long snapshotPopulation = refreshed.json().get("frequencyPopulation").asLong();
        population.forEach(r -> r.put("delivery", 2));
        post(hub, population);
        awaitResolved(hub, prefix, truth.size());
        List<List<RecordKey>> hubClusters = hubClusters(hub, prefix);

        Path file = dir.resolve("population.jsonl");
        Files.write(file, population.stream().map(ObjectNode::toString).toList(), StandardCharsets.UTF_8);
        List<List<RecordKey>> bulkClusters = bulkClusters(file, dir.resolve("clusters.csv"));

        PairwiseEvaluation bulk = PairwiseEvaluation.of(bulkClusters, truth);
        PairwiseEvaluation refreshedHub = PairwiseEvaluation.of(hubClusters, truth);
        System.out.printf(Locale.ROOT, "%d records; pairwise P/R/F1: bulk %s, hub after the refresh %s, hub's first pass %s;"
                        + " snapshot counted %d records%n", truth.size(), figures(bulk), figures(refreshedHub),
                figures(PairwiseEvaluation.of(firstPass, truth)), snapshotPopulation);
        if (snapshotPopulation == truth.size()) {
            assertEquals(asSets(bulkClusters), asSets(hubClusters), "the hub's partition is bulk's");
        } else {
            assertEquals(bulk.f1(), refreshedHub.f1(), SHARED_SERVER_F1_TOLERANCE,
                    "the hub's F1 with other classes' records in its snapshot (" + snapshotPopulation + " records)");
        }
    }

    /** The simulators' labeled records under source names of this run, truthIds kept apart per script. */
    static List<ObjectNode> labeled(Script script, long seed, int persons, String sourcePrefix, String truthPrefix)
            throws IOException {
        StringWriter lines = new StringWriter();
        LabeledExport.write(script.generate(seed, persons), lines, Long.MAX_VALUE);
        List<ObjectNode> records = new ArrayList<>();
        for (String line : lines.toString().split("\n")) {
            ObjectNode record = (ObjectNode) JSON.readTree(line);
            record.put("source", sourcePrefix + record.get("source").asText());
            record.put(LabeledExport.TRUTH_ID, truthPrefix + record.get(LabeledExport.TRUTH_ID).asText());
            records.add(record);
        }
        return records;
    }

    /** In arrival order, a request at a time, as a system would send them. */
    static void post(HubClient hub, List<ObjectNode> records) {
        for (int from = 0; from < records.size(); from += LINES_PER_REQUEST) {
            StringBuilder body = new StringBuilder();
            records.subList(from, Math.min(records.size(), from + LINES_PER_REQUEST))
                    .forEach(r -> body.append(r).append('\n'));
            HubClient.Response answer = hub.postRecords(HubClient.APP, body.toString());
            assertEquals(202, answer.status(), answer.body());
            assertEquals(0, answer.json().get("rejected").asInt(), answer.body());
        }
    }

    /** Every record stored and the resolver's queue empty: a message leaves it only when its records committed. */
    static void awaitResolved(HubClient hub, String prefix, int records) {
        await().atMost(RESOLVED_WITHIN).pollInterval(Duration.ofSeconds(1)).until(() ->
                recordsWaiting(hub) == 0 && crosswalk(hub, prefix).size() == records);
    }

    private static long recordsWaiting(HubClient hub) {
        for (JsonNode queue : hub.get("connectors", HubClient.OPERATOR).json().get("queues")) {
            if (queue.get("queue").asText().equals("AtriumRecords")) {
                return queue.path("messages").asLong(-1);
            }
        }
        return -1;
    }

    /** This run's rows of the hub's crosswalk: record to customer id. */
    static Map<RecordKey, String> crosswalk(HubClient hub, String prefix) {
        HubClient.Response csv = hub.get("crosswalk", HubClient.APP);
        assertEquals(200, csv.status(), csv.body());
        return rows(csv.body().lines().skip(1).filter(line -> line.startsWith(prefix)).toList());
    }

    static List<List<RecordKey>> hubClusters(HubClient hub, String prefix) {
        return clusters(crosswalk(hub, prefix));
    }

    /** {@code hub-match resolve} with its default settings, as the command line runs it. */
    static List<List<RecordKey>> bulkClusters(Path input, Path output) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"resolve", "--input", input.toString(), "--output", output.toString()},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(" 0 bad lines"), err.toString(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return clusters(rows(lines.subList(1, lines.size())));
    }

    /** Crosswalk rows; the simulators' source ids hold no comma or quote, so no field is quoted. */
    private static Map<RecordKey, String> rows(List<String> lines) {
        Map<RecordKey, String> customers = new LinkedHashMap<>();
        for (String line : lines) {
            String[] fields = line.split(",", -1);
            assertEquals(3, fields.length, line);
            customers.put(new RecordKey(fields[0], fields[1]), fields[2]);
        }
        return customers;
    }

    static List<List<RecordKey>> clusters(Map<RecordKey, String> customers) {
        Map<String, List<RecordKey>> byCustomer = new LinkedHashMap<>();
        customers.forEach((record, customer) -> byCustomer.computeIfAbsent(customer, c -> new ArrayList<>()).add(record));
        return new ArrayList<>(byCustomer.values());
    }

    static Set<Set<RecordKey>> asSets(Collection<List<RecordKey>> clusters) {
        Set<Set<RecordKey>> sets = new HashSet<>();
        clusters.forEach(cluster -> sets.add(new HashSet<>(cluster)));
        return sets;
    }

    static String figures(PairwiseEvaluation quality) {
        return String.format(Locale.ROOT, "%.4f/%.4f/%.4f", quality.precision(), quality.recall(), quality.f1());
    }
}
