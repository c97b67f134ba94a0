package io.atrium.resolution.cli;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path input() throws Exception {
        List<String> lines = new ArrayList<>(Fixtures.populationLines());
        lines.add(2, "{\"source\":\"x\",\"name\":\"李娜\",\"phones\":[\"13800138000\"]}");
        lines.add(4, "{not json 13800138000");
        String replaced = lines.get(0).replace("\"name\":\"张伟\"", "\"name\":\"张伟(old)\"");
        lines.add(0, replaced);
        return Files.write(dir.resolve("records.jsonl"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void resolveWritesOneRowPerSourceRecordAndReportsBadLinesWithoutTheirContent() throws Exception {
        Path output = dir.resolve("clusters.csv");
        assertEquals(0, run("resolve", "--input", input().toString(), "--output", output.toString()));

        List<String> rows = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals("source,sourceId,customerId", rows.get(0));
        Map<String, String> customerOf = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertEquals(null, customerOf.put(cells[0] + "/" + cells[1], cells[2]), "one row per source record");
        }
        assertEquals(Fixtures.populationLines().size(), customerOf.size());
        assertEquals(customerOf.get("sales/S1"), customerOf.get("property/P1"));
        assertEquals(customerOf.get("sales/S1"), customerOf.get("service/T1"));
        assertFalse(customerOf.get("sales/S1").equals(customerOf.get("sales/S3")), "the sister sharing the phone");
        assertFalse(customerOf.get("leasing/L3").equals(customerOf.get("leasing/L4")), "sister companies");

        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("line 4: missing required field 'sourceId'"), errors);
        assertTrue(errors.contains("line 6: malformed JSON"), errors);
        assertFalse(errors.contains("13800138000") || errors.contains("李娜"), "no personal data on stderr");
    }

    @Test
    void resolveReadsALineAsTheHubsIntakeDoes() throws Exception {
        // a resident ID with one wrong digit that passes the credit code's check: the hub's intake (PartyTypes)
        // reads the record as an organization's, which never joins the person with the same name and phone
        Path input = Files.write(dir.resolve("typed.jsonl"), List.of(
                "{\"source\":\"sales\",\"sourceId\":\"C1\",\"kind\":\"PERSON\",\"name\":\"冯文德\",\"phones\":[\"15881304304\"],"
                        + "\"idType\":\"CN_RESIDENT\",\"idNumber\":\"110115200405309559\"}",
                "{\"source\":\"membership\",\"sourceId\":\"M1\",\"kind\":\"PERSON\",\"name\":\"冯文德\",\"phones\":[\"15881304304\"]}"),
                StandardCharsets.UTF_8);
        Path output = dir.resolve("typed.csv");
        assertEquals(0, run("resolve", "--input", input.toString(), "--output", output.toString()));

        List<String> rows = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertFalse(rows.get(1).split(",")[2].equals(rows.get(2).split(",")[2]), String.join("\n", rows));
    }

    @Test
    void evaluatePrintsPairwiseQualityAgainstTheTruthAttribute() throws Exception {
        assertEquals(0, run("evaluate", "--input", input().toString(), "--truth-field", "truthId"));
        Map<String, String> report = report();
        Set<String> expected = new HashSet<>(List.of("records", "customers", "precision", "recall", "f1",
                "true positive pairs", "false positive pairs", "false negative pairs", "true pairs with evidence beyond a name",
                "recall ceiling without name-only merges", "review-band pairs", "held-back surname-only callers",
                "their links in the review queue", "review queue pairs", "review queue true matches",
                "review queue true matches in the first 10 / 50 / 100 / 500 / all pairs",
                "review queue true matches accepted in the first 10 / 50 / 100 / 500 / all decisions",
                "by learned weights, true matches in the first 10 / 50 / 100 / 500 / all pairs",
                "by learned weights, true matches accepted in the first 10 / 50 / 100 / 500 / all decisions",
                "bad lines", "records per second"));
        assertEquals(expected, report.keySet());
        long tp = Long.parseLong(report.get("true positive pairs"));
        long fp = Long.parseLong(report.get("false positive pairs"));
        long fn = Long.parseLong(report.get("false negative pairs"));
        assertEquals((double) tp / (tp + fp), Double.parseDouble(report.get("precision")), 1e-4);
        assertEquals((double) tp / (tp + fn), Double.parseDouble(report.get("recall")), 1e-4);
        assertTrue(Double.parseDouble(report.get("f1")) >= 0.9, report.toString());
        assertEquals("2", report.get("bad lines"));
        String[] trueInFirst = report.get("review queue true matches in the first 10 / 50 / 100 / 500 / all pairs").split(" / ");
        assertEquals(report.get("review queue true matches"), trueInFirst[trueInFirst.length - 1]);
        assertTrue(Long.parseLong(report.get("review queue pairs")) <= Long.parseLong(report.get("review-band pairs"))
                + Long.parseLong(report.get("their links in the review queue")), report.toString());
    }

    /**
     * Twelve people, each an original, an exact copy, a copy with its given name replaced and one with its identifier
     * replaced (never validated, as in Febrl); three of them also a copy with both replaced. Pairwise that copy is
     * twins of one address.
     */
    private Path copiesWithTwoFieldsReplaced() throws Exception {
        String[] given = {"joel", "emalcene", "chloe", "eboni", "kai", "rosie", "jenna", "layla", "micaela", "dale", "harley", "mitchell"};
        String[] family = {"ryan", "quilliam", "pantazopoulos", "kaminskas", "thrussell", "fimeri", "rundle", "cresp", "stubbs",
                "weller", "mccarthy", "dent"};
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < given.length; p++) {
            String birthDate = String.format("19%02d-%02d-%02d", 40 + p * 3, 1 + p % 12, 3 + p * 2);
            String address = (10 + p) + " wallaby place delmar cleveland " + (2100 + p) + " sa";
            String id = String.valueOf(1_000_003 + p * 777_777L);
            String replacedId = String.valueOf(9_100_009 - p * 313_131L);
            String replacedGiven = given[(p + 5) % given.length];
            String[][] copies = {{given[p], id}, {given[p], id}, {replacedGiven, id}, {given[p], replacedId},
                    {given[(p + 7) % given.length], String.valueOf(5_500_001 + p * 11_111L)}};
            for (int c = 0; c < (p < 3 ? 5 : 4); c++) {
                lines.add(String.format("{\"source\":\"febrl\",\"sourceId\":\"rec-%d-%d\",\"truthId\":\"rec-%d\",\"name\":\"%s %s\","
                                + "\"givenName\":\"%s\",\"familyName\":\"%s\",\"birthDate\":\"%s\",\"address\":\"%s\","
                                + "\"idType\":\"OTHER\",\"idNumber\":\"%s\"}",
                        p, c, p, copies[c][0], family[p], copies[c][0], family[p], birthDate, address, copies[c][1]));
            }
        }
        return Files.write(dir.resolve("copies.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private static Map<String, String> customers(Path crosswalk) throws Exception {
        Map<String, String> customerOf = new HashMap<>();
        for (String row : Files.readAllLines(crosswalk).subList(1, Files.readAllLines(crosswalk).size())) {
            String[] cells = row.split(",");
            customerOf.put(cells[1], cells[2]);
        }
        return customerOf;
    }

    @Test
    void theShippedSettingsLearnTheWeighedConflictsFromTheInputAndAFileThatListsThemPinsThem() throws Exception {
        Path input = copiesWithTwoFieldsReplaced();
        Path shipped = dir.resolve("shipped.csv");
        assertEquals(0, run("resolve", "--input", input.toString(), "--output", shipped.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("conflicts weighed, learned from the input's candidate pairs: [NAME]"),
                err.toString(StandardCharsets.UTF_8));
        Map<String, String> learned = customers(shipped);
        for (int p = 0; p < 3; p++) {
            assertEquals(learned.get("rec-" + p + "-0"), learned.get("rec-" + p + "-4"), "the copy with two fields replaced");
        }

        Path pinned = Files.writeString(dir.resolve("pinned.json"),
                MatchSettings.defaults().withWeighedConflicts(Set.of()).toJson());
        Path vetoed = dir.resolve("vetoed.csv");
        assertEquals(0, run("resolve", "--input", input.toString(), "--output", vetoed.toString(), "--settings", pinned.toString()));
        assertFalse(customers(vetoed).get("rec-0-0").equals(customers(vetoed).get("rec-0-4")),
                "an empty list pins the veto: pairwise the copy is a twin");
        assertEquals(Set.of(), MatchSettings.load(pinned).weighedConflicts());
    }

    @Test
    void aPopulationWhoseCopiesShowTheirSlipsWeighsTheConflictAndTheFileCarriesIt() throws Exception {
        Path input = copiesWithTwoFieldsReplaced();

        Path learnedClusters = dir.resolve("learned.csv");
        Path learnedSettings = dir.resolve("learned-settings.json");
        assertEquals(0, run("resolve", "--input", input.toString(), "--output", learnedClusters.toString(),
                "--weights", "learned", "--learned-settings", learnedSettings.toString()));
        assertEquals(Set.of(FieldKind.NAME),
                MatchSettings.load(learnedSettings).weighedConflicts());
        Map<String, String> learned = customers(learnedClusters);
        for (int p = 0; p < 3; p++) {
            assertEquals(learned.get("rec-" + p + "-0"), learned.get("rec-" + p + "-4"), "the copy with two fields replaced");
        }
        assertEquals(12, new HashSet<>(learned.values()).size(), "one customer per person");

        // the file is what the hub reads: the same conflicts weighed, the same customers
        Path again = dir.resolve("again.csv");
        assertEquals(0, run("resolve", "--input", input.toString(), "--output", again.toString(),
                "--settings", learnedSettings.toString()));
        assertEquals(Files.readAllLines(learnedClusters), Files.readAllLines(again));
    }

    @Test
    void learnedWeightsAreWrittenAsSettingsThatResolveTheSameCustomersAgain() throws Exception {
        Path learnedClusters = dir.resolve("learned.csv");
        Path learnedSettings = dir.resolve("learned-settings.json");
        assertEquals(0, run("resolve", "--input", input().toString(), "--output", learnedClusters.toString(),
                "--weights", "learned", "--learned-settings", learnedSettings.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("weights learned in"));
        MatchSettings learned = MatchSettings.load(learnedSettings);
        assertFalse(learned.equals(MatchSettings.defaults()), "the population's own m replaced the shipped one");

        // the file is what the hub reads (atrium.match.settings-file): the same weights, the same customers
        Path again = dir.resolve("again.csv");
        assertEquals(0, run("resolve", "--input", input().toString(), "--output", again.toString(),
                "--settings", learnedSettings.toString()));
        assertEquals(Files.readAllLines(learnedClusters), Files.readAllLines(again));
    }

    @Test
    void evaluateOrdersTheQueueAsTheHubGivenTheSameLearnedSettingsForPriority() throws Exception {
        Path learnedSettings = dir.resolve("learned-settings.json");
        assertEquals(0, run("resolve", "--input", input().toString(), "--output", dir.resolve("c.csv").toString(),
                "--weights", "learned", "--learned-settings", learnedSettings.toString()));
        out.reset();
        assertEquals(0, run("evaluate", "--input", input().toString(), "--truth-field", "truthId"));
        Map<String, String> byScore = report();
        out.reset();

        assertEquals(0, run("evaluate", "--input", input().toString(), "--truth-field", "truthId",
                "--priority-settings", learnedSettings.toString()));
        Map<String, String> byPriority = report();

        assertTrue(Long.parseLong(byPriority.get("review queue pairs")) > 0, byPriority.toString());
        // the queue the hub would show with that file: the order learned from this input, the same pairs and customers
        assertEquals(byPriority.get("by learned weights, true matches in the first 10 / 50 / 100 / 500 / all pairs"),
                byPriority.get("review queue true matches in the first 10 / 50 / 100 / 500 / all pairs"));
        assertEquals(byPriority.get("by learned weights, true matches accepted in the first 10 / 50 / 100 / 500 / all decisions"),
                byPriority.get("review queue true matches accepted in the first 10 / 50 / 100 / 500 / all decisions"));
        for (String unchanged : List.of("f1", "customers", "review queue pairs", "review queue true matches")) {
            assertEquals(byScore.get(unchanged), byPriority.get(unchanged), unchanged);
        }
    }

    private Map<String, String> report() {
        Map<String, String> report = new HashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split(": ");
            report.put(parts[0], parts[1].trim());
        }
        return report;
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("resolve", "--input", "x.jsonl", "--output", "y.csv", "--weights", "guessed"));
        assertEquals(2, run());
        assertEquals(2, run("resolve", "--input"));
        assertEquals(2, run("evaluate", "--input", "x.jsonl"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
    }
}
