package io.atrium.bench;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Splits a simulated population (in random order already) into: the first N records, seeded; the next ones,
 * held back and posted as new records (most of their persons have seeded records, so they link to existing
 * customers); a tenth of the posted records are updates of seeded records (a later change time and one more
 * e-mail address); and records with a phone number for the end-to-end sample. The simulator's truth label is
 * dropped so the hub sees what a source system would send.
 */
final class Prepare {

    private static final long SEED = 20260303L;

    private Prepare() {
    }

    static void run(Map<String, String> options) throws IOException {
        Path input = Path.of(BenchMain.required(options, "input"));
        int seed = Integer.parseInt(BenchMain.required(options, "seed"));
        int post = Integer.parseInt(BenchMain.required(options, "post"));
        int e2e = Integer.parseInt(BenchMain.required(options, "e2e"));
        Path dir = Path.of(BenchMain.required(options, "dir"));
        // updates need seeded records to update
        int updates = seed == 0 ? 0 : post / 10;
        int fresh = post - updates;

        List<String> seeded = new ArrayList<>(seed);
        List<String> posted = new ArrayList<>(post);
        List<String> timed = new ArrayList<>(e2e);
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (seeded.size() < seed) {
                    seeded.add(canonical(line));
                } else if (posted.size() < fresh) {
                    posted.add(canonical(line));
                } else if (timed.size() < e2e) {
                    PartyRecord record = read(line);
                    if (!record.getPhones().isEmpty()) {
                        timed.add(PartyRecordJson.write(record));
                    }
                } else {
                    break;
                }
            }
        }
        if (seeded.size() < seed || posted.size() < fresh || timed.size() < e2e) {
            throw new IllegalStateException("the population has too few records: " + seeded.size() + " seed, "
                    + posted.size() + " post, " + timed.size() + " end-to-end");
        }
        Random random = new Random(SEED);
        for (int i = 0; i < updates; i++) {
            PartyRecord record = read(seeded.get(random.nextInt(seeded.size())));
            Instant was = record.getUpdatedAt() == null ? Instant.parse("2026-01-01T00:00:00Z") : record.getUpdatedAt();
            record.setUpdatedAt(was.plus(Duration.ofDays(1 + random.nextInt(30))));
            List<String> emails = new ArrayList<>(record.getEmails());
            emails.add("bench-update-" + i + "@example.invalid");
            record.setEmails(emails);
            posted.add(PartyRecordJson.write(record));
        }
        Collections.shuffle(posted, random);
        Files.createDirectories(dir);
        write(dir.resolve("seed.jsonl"), seeded);
        write(dir.resolve("post.jsonl"), posted);
        write(dir.resolve("e2e.jsonl"), timed);
        System.out.printf("prepared %d records to seed, %d to post (%d new, %d updates of seeded records), %d to time end to end%n",
                seeded.size(), posted.size(), fresh, updates, timed.size());
    }

    /**
     * The record as the benchmark sends it: without its truth label, and under a source name of its own
     * (`bench-sales`, ...), since the native sources' names are reserved for their connectors.
     */
    private static PartyRecord read(String line) {
        PartyRecord record = PartyRecordJson.read(line);
        record.getAttributes().remove("truthId");
        record.setSource("bench-" + record.getSource());
        return record;
    }

    private static String canonical(String line) {
        return PartyRecordJson.write(read(line));
    }

    private static void write(Path file, List<String> lines) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
    }
}
