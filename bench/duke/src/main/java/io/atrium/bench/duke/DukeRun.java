package io.atrium.bench.duke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.DataSource;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.datasources.CSVDataSource;
import no.priv.garshol.duke.matchers.AbstractMatchListener;
import org.xml.sax.SAXException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Duke 1.2 deduplicating canonical party records (JSON Lines, as the simulators and bench/febrl/febrl.py write
 * them), with a Duke configuration of bench/duke. The records are written as the CSV that configuration's data
 * source reads; every pair Duke reports above its threshold joins two clusters (transitive closure, as Duke's
 * own link database does); the crosswalk has the columns of {@code hub-match resolve}'s, so that the same scorer
 * reads both.
 *
 * <pre>java -jar atrium-duke-bench.jar --config bench/duke/chinese.xml --input records.jsonl --output clusters.csv [--threads 2]</pre>
 */
public final class DukeRun {

    /** The CSV columns the configurations name; multi-valued fields are joined by {@link #VALUES}. */
    static final List<String> COLUMNS = List.of("id", "kind", "name", "givenName", "familyName", "phones", "emails",
            "idNumber", "birthDate", "gender", "address");
    static final String VALUES = ";";

    private DukeRun() {
    }

    public static void main(String[] args) throws IOException, SAXException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.keySet().containsAll(List.of("config", "input", "output"))) {
            System.err.println("usage: java -jar atrium-duke-bench.jar --config duke.xml --input records.jsonl"
                    + " --output clusters.csv [--threads N]");
            System.exit(2);
        }
        Path output = Path.of(options.get("output"));
        List<JsonNode> records = latestPerKey(Path.of(options.get("input")));
        Path dukeInput = output.resolveSibling(output.getFileName() + ".duke-input.csv");
        writeDukeInput(records, dukeInput);

        long started = System.nanoTime();
        Configuration config = ConfigLoader.load(options.get("config"));
        for (DataSource source : config.getDataSources()) {
            ((CSVDataSource) source).setInputFile(dukeInput.toString());
        }
        Clusters clusters = new Clusters(records.size());
        Processor processor = new Processor(config);
        processor.setThreads(Integer.parseInt(options.getOrDefault("threads", "1")));
        processor.addMatchListener(new AbstractMatchListener() {
            @Override
            public void matches(Record left, Record right, double confidence) {
                clusters.join(Integer.parseInt(left.getValue("ID")), Integer.parseInt(right.getValue("ID")));
            }
        });
        processor.deduplicate();
        long comparisons = processor.getComparisonCount();
        processor.close();
        double seconds = (System.nanoTime() - started) / 1e9;

        int customers = writeCrosswalk(records, clusters, output);
        System.err.printf(Locale.ROOT, "%d records, %d customers, %d comparisons, %.1f s%n", records.size(), customers,
                comparisons, seconds);
    }

    /** The last line of each (source, sourceId), as {@code hub-match} keeps it. */
    static List<JsonNode> latestPerKey(Path input) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode record = json.readTree(line);
                    String key = record.path("source").asText() + "\u0000" + record.path("sourceId").asText();
                    latest.remove(key);
                    latest.put(key, record);
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    static void writeDukeInput(List<JsonNode> records, Path csv) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            writer.write(String.join(",", COLUMNS) + "\n");
            for (int i = 0; i < records.size(); i++) {
                JsonNode record = records.get(i);
                StringJoiner row = new StringJoiner(",", "", "\n");
                row.add(quoted(String.valueOf(i)));
                for (String column : COLUMNS.subList(1, COLUMNS.size())) {
                    row.add(quoted(text(record.path(column))));
                }
                writer.write(row.toString());
            }
        }
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            StringJoiner values = new StringJoiner(VALUES);
            value.forEach(item -> values.add(item.asText().replace(VALUES, " ")));
            return values.toString();
        }
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }

    private static int writeCrosswalk(List<JsonNode> records, Clusters clusters, Path output) throws IOException {
        Map<Integer, String> customerOf = new HashMap<>();
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write("source,sourceId,customerId\n");
            for (int i = 0; i < records.size(); i++) {
                String customer = customerOf.computeIfAbsent(clusters.root(i),
                        root -> String.format(Locale.ROOT, "D%08d", customerOf.size() + 1));
                writer.write(quoted(records.get(i).path("source").asText()) + ","
                        + quoted(records.get(i).path("sourceId").asText()) + "," + customer + "\n");
            }
        }
        return customerOf.size();
    }

    /** Union-find over record indexes; Duke reports pairs from several threads. */
    static final class Clusters {
        private final int[] parent;

        Clusters(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        synchronized void join(int left, int right) {
            parent[root(left)] = root(right);
        }

        synchronized int root(int record) {
            while (parent[record] != record) {
                parent[record] = parent[parent[record]];
                record = parent[record];
            }
            return record;
        }
    }
}
