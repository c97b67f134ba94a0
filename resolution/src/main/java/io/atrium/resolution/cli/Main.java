package io.atrium.resolution.cli;

import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.crosswalk.CrosswalkCsv;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.ReviewPriority;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.match.WeightLearning;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.resolve.BulkResolver;
import io.atrium.resolution.resolve.Clustering;
import io.atrium.resolution.resolve.ConflictLearning;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The hub-match command line: {@code resolve} writes the customer of every record, {@code evaluate}
 * measures pairwise quality against a truth attribute.
 */
public final class Main {

    private static final String USAGE = """
            usage: hub-match resolve  --input records.jsonl --output clusters.csv [--settings match-settings.json] [--weights learned]
                   hub-match evaluate --input labeled.jsonl --truth-field truthId [--settings match-settings.json] [--weights learned]
                                      [--priority-settings learned.json]
            --weights learned: m probabilities learned from the input's own candidate pairs (EM, no labels)
                               instead of the settings' (the hub resolves with the settings' weights); by default
                               only the conflicts weighed are learned from them, as the hub learns them from its records,
                               unless the settings file lists its own "weighedConflicts" (an empty list vetoes them all)
            --learned-settings file.json: with --weights learned, writes the settings learned, for the hub's
                               settings file (so that it decides with this population's weights), or for
                               atrium.match.review-priority-settings-file (so that it orders its review queue by them)
            --priority-settings file.json: evaluate orders the review queue by the pairs' score under these settings,
                               as the hub given the same file as atrium.match.review-priority-settings-file does""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the process exit code (0 ok, 2 usage error, 1 failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !List.of("resolve", "evaluate").contains(args[0])) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("option without value: " + args[i] + "\n" + USAGE);
                return 2;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        boolean evaluate = args[0].equals("evaluate");
        List<String> required = evaluate ? List.of("input", "truth-field") : List.of("input", "output");
        for (String option : required) {
            if (!options.containsKey(option)) {
                err.println("missing --" + option + "\n" + USAGE);
                return 2;
            }
        }
        try {
            MatchSettings settings = options.containsKey("settings")
                    ? MatchSettings.load(Path.of(options.get("settings"))) : MatchSettings.defaults();
            String weights = options.getOrDefault("weights", "configured");
            if (!List.of("configured", "learned").contains(weights)) {
                err.println("--weights is configured or learned\n" + USAGE);
                return 2;
            }
            long started = System.nanoTime();
            Load load = Load.read(Path.of(options.get("input")), options.get("truth-field"), err);
            List<StandardizedRecord> records = BulkResolver.latestPerKey(load.records());
            ValueFrequencies frequencies = InMemoryFrequencies.of(records).withNamePrior();
            if (weights.equals("configured") && settings.learnsConflicts()) {
                // as the hub learns them from its stored records at each recount of its frequencies
                long learning = System.nanoTime();
                ConflictLearning.Learned conflicts = ConflictLearning.learn(records, new Scorer(settings), frequencies);
                settings = settings.withWeighedConflicts(conflicts.weighed());
                err.printf(Locale.ROOT, "conflicts weighed, learned from the input's candidate pairs: %s (%d records may count, "
                        + "%d pairs compared, %.1f s)%n", conflicts.weighed(), conflicts.records(), conflicts.pairsCompared(),
                        (System.nanoTime() - learning) / 1e9);
            }
            Scorer scorer = new Scorer(settings);
            if (weights.equals("learned")) {
                WeightLearning.Learned learned = new BulkResolver(scorer).learnWeights(records, frequencies);
                scorer = new Scorer(learned.settings());
                err.printf(Locale.ROOT, "weights learned in %d EM iterations, %.4f of candidate pairs estimated to match, "
                        + "conflicts weighed: %s%n", learned.iterations(), learned.matchShare(), learned.settings().weighedConflicts());
                if (options.containsKey("learned-settings")) {
                    Files.writeString(Path.of(options.get("learned-settings")), learned.settings().toJson());
                }
            }
            Clustering clustering = new BulkResolver(scorer).resolve(records, StewardConstraints.NONE, frequencies);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (evaluate) {
                ReviewPriority hubPriority = options.containsKey("priority-settings")
                        ? ReviewPriority.scoredWith(MatchSettings.load(Path.of(options.get("priority-settings"))))
                        : ReviewPriority.BY_SCORE;
                Scorer learned = weights.equals("learned") ? scorer
                        : new Scorer(new BulkResolver(scorer).learnWeights(records, frequencies).settings());
                // the recall ceiling is measured with the very records, scorer and frequencies the resolver used
                report(out, load, clustering, seconds, RecallCeiling.of(records, load.truth(), scorer, frequencies),
                        queueOrder(records, clustering, frequencies, hubPriority),
                        queueOrder(records, clustering, frequencies, ReviewPriority.scoredWith(learned.settings())));
            } else {
                writeCsv(Path.of(options.get("output")), clustering);
                err.printf(Locale.ROOT, "%d records, %d customers, %d bad lines, %.1f s%n", load.records().size(),
                        clustering.clusters().size(), load.badLines(), seconds);
            }
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("cannot read or write a file: " + e.getMessage());
            return 1;
        }
    }

    private static void writeCsv(Path output, Clustering clustering) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write(CrosswalkCsv.HEADER);
            List<List<RecordKey>> clusters = clustering.clusters();
            for (int i = 0; i < clusters.size(); i++) {
                String customerId = String.format(Locale.ROOT, "C%08d", i + 1);
                for (RecordKey key : clusters.get(i)) {
                    writer.write(CrosswalkCsv.row(key.source(), key.sourceId(), customerId));
                }
            }
        }
    }

    private static String slashed(int[] values) {
        return Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(" / "));
    }

    /** A pair's place in the steward's queue as the hub with this priority gives it. */
    private static ToDoubleFunction<MatchResult> queueOrder(List<StandardizedRecord> records, Clustering clustering,
                                                            ValueFrequencies frequencies, ReviewPriority priority) {
        Map<RecordKey, StandardizedRecord> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        Map<MatchResult, Double> heldBack = clustering.heldBackPriorities();
        return link -> heldBack.containsKey(link) ? heldBack.get(link)
                : priority.of(link, byKey.get(link.left()), byKey.get(link.right()), frequencies);
    }

    /**
     * @param hubOrder     the queue's order in the hub: by score, or by the pairs' score under the priority settings
     * @param learnedOrder by the pairs' score under m probabilities learned from the records themselves (EM over their
     *                     blocked pairs, no labels): this population's own posterior, to compare
     */
    private static void report(PrintStream out, Load load, Clustering clustering, double seconds, RecallCeiling ceiling,
                               ToDoubleFunction<MatchResult> hubOrder, ToDoubleFunction<MatchResult> learnedOrder) {
        PairwiseEvaluation quality = PairwiseEvaluation.of(clustering.clusters(), load.truth());
        int records = clustering.clusters().stream().mapToInt(List::size).sum();
        out.printf(Locale.ROOT, "records: %d%n", records);
        out.printf(Locale.ROOT, "customers: %d%n", clustering.clusters().size());
        out.printf(Locale.ROOT, "precision: %.4f%n", quality.precision());
        out.printf(Locale.ROOT, "recall: %.4f%n", quality.recall());
        out.printf(Locale.ROOT, "f1: %.4f%n", quality.f1());
        out.printf(Locale.ROOT, "true positive pairs: %d%n", quality.truePositives());
        out.printf(Locale.ROOT, "false positive pairs: %d%n", quality.falsePositives());
        out.printf(Locale.ROOT, "false negative pairs: %d%n", quality.falseNegatives());
        out.printf(Locale.ROOT, "true pairs with evidence beyond a name: %d%n", ceiling.pairsWithEvidence());
        out.printf(Locale.ROOT, "recall ceiling without name-only merges: %.4f%n", ceiling.ceiling());
        out.printf(Locale.ROOT, "review-band pairs: %d%n", clustering.reviewLinks().size());
        out.printf(Locale.ROOT, "held-back surname-only callers: %d%n", clustering.heldBackRecords().size());
        out.printf(Locale.ROOT, "their links in the review queue: %d%n",
                clustering.stewardPairs().size() - clustering.reviewLinks().size());
        ReviewQueueFigures queue = ReviewQueueFigures.of(clustering, load.truth(), hubOrder, ReviewQueueFigures.RANKS);
        ReviewQueueFigures byLearned = ReviewQueueFigures.of(clustering, load.truth(), learnedOrder, ReviewQueueFigures.RANKS);
        // the queue as the hub shows it (pairs not in conflict, in different customers, by priority), then the same
        // pairs by their score under weights learned from the input itself
        String ranks = slashed(ReviewQueueFigures.RANKS);
        out.printf(Locale.ROOT, "review queue pairs: %d%n", queue.pairs());
        out.printf(Locale.ROOT, "review queue true matches: %d%n", queue.truePairs());
        out.printf(Locale.ROOT, "review queue true matches in the first %s / all pairs: %s%n", ranks, slashed(queue.trueInFirst()));
        out.printf(Locale.ROOT, "review queue true matches accepted in the first %s / all decisions: %s%n", ranks, slashed(queue.clearedIn()));
        out.printf(Locale.ROOT, "by learned weights, true matches in the first %s / all pairs: %s%n", ranks, slashed(byLearned.trueInFirst()));
        out.printf(Locale.ROOT, "by learned weights, true matches accepted in the first %s / all decisions: %s%n", ranks, slashed(byLearned.clearedIn()));
        out.printf(Locale.ROOT, "bad lines: %d%n", load.badLines());
        out.printf(Locale.ROOT, "records per second: %.0f%n", records / seconds);
    }
}
