import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.cli.PairwiseEvaluation;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.resolve.BulkResolver;
import io.atrium.resolution.resolve.Clustering;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.resolve.InMemoryResolver;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cold start (issue 17, item 3): a labeled file's records resolved one by one, in file order, by an engine that
 * starts with an empty frequency snapshot, with and without the name prior, against the bulk tool on the same
 * records. Either the snapshot is never recounted, or it is recounted as the hub does (when the records stored
 * since reach a tenth of the population). Links are scored once, against the snapshot in force, as in the hub.
 *
 *   java -cp resolution/target/hub-match.jar bench/cold-start/ColdStart.java labeled.jsonl
 */
public class ColdStart {

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<StandardizedRecord> read = new ArrayList<>();
        Map<RecordKey, String> truth = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                StandardizedRecord record = Standardizer.standardize(PartyRecordJson.read(line));
                read.add(record);
                truth.put(record.key(), json.readTree(line).get("truthId").asText());
            }
        }
        List<StandardizedRecord> records = BulkResolver.latestPerKey(read);
        Scorer scorer = new Scorer(MatchSettings.defaults());
        List<List<RecordKey>> bulk = new BulkResolver(scorer).resolve(records, StewardConstraints.NONE).clusters();
        report("bulk tool", bulk, truth, bulk);
        for (boolean recounted : new boolean[] {false, true}) {
            for (boolean prior : new boolean[] {false, true}) {
                report("one by one, snapshot " + (recounted ? "recounted" : "never counted") + (prior ? ", prior" : ", no prior"),
                        oneByOne(records, scorer, recounted, prior), truth, bulk);
            }
        }
    }

    private static List<List<RecordKey>> oneByOne(List<StandardizedRecord> records, Scorer scorer, boolean recounted,
                                                  boolean prior) {
        SwappableFrequencies frequencies = new SwappableFrequencies(snapshot(List.of(), prior));
        InMemoryResolver engine = new InMemoryResolver(scorer, frequencies);
        List<StandardizedRecord> stored = new ArrayList<>();
        long countedAt = 0;
        for (StandardizedRecord record : records) {
            engine.add(record);
            stored.add(record);
            if (recounted && (stored.size() - countedAt) * 10 >= Math.max(countedAt, 1)) {
                frequencies.now = snapshot(stored, prior);
                countedAt = stored.size();
            }
        }
        return engine.clustering().clusters();
    }

    private static ValueFrequencies snapshot(List<StandardizedRecord> stored, boolean prior) {
        InMemoryFrequencies counted = InMemoryFrequencies.of(stored);
        return prior ? counted.withNamePrior() : counted;
    }

    private static void report(String what, List<List<RecordKey>> clusters, Map<RecordKey, String> truth,
                               List<List<RecordKey>> bulk) {
        PairwiseEvaluation quality = PairwiseEvaluation.of(clusters, truth);
        Set<Set<RecordKey>> bulkCustomers = new HashSet<>();
        bulk.forEach(c -> bulkCustomers.add(new HashSet<>(c)));
        long notAsBulk = clusters.stream().filter(c -> !bulkCustomers.contains(new HashSet<>(c))).count();
        System.out.printf(Locale.ROOT, "%-46s P %.4f  R %.4f  F1 %.4f  false pairs %d  customers %d, %d not as bulk%n",
                what, quality.precision(), quality.recall(), quality.f1(), quality.falsePositives(), clusters.size(), notAsBulk);
    }

    /** The snapshot in force, replaced when recounted. */
    private static final class SwappableFrequencies implements ValueFrequencies {
        ValueFrequencies now;

        SwappableFrequencies(ValueFrequencies first) {
            now = first;
        }

        @Override
        public double frequency(FieldKind field, String value) {
            return now.frequency(field, value);
        }

        @Override
        public double typicalFrequency(FieldKind field) {
            return now.typicalFrequency(field);
        }

        @Override
        public long blockSize(BlockingKey key) {
            return now.blockSize(key);
        }
    }
}
