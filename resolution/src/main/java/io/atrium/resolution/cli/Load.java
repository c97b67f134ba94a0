package io.atrium.resolution.cli;

import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.PartyTypes;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A JSON Lines file of canonical party records, parsed and standardized in chunks on all cores. Bad lines
 * are reported with their number and reason (never their content) and skipped.
 *
 * @param truth the value of the truth attribute per record, when one was asked for
 */
record Load(List<StandardizedRecord> records, Map<RecordKey, String> truth, int badLines) {

    private static final int CHUNK = 50_000;

    private record Parsed(StandardizedRecord record, String truth, String error) {
    }

    static Load read(Path input, String truthField, PrintStream err) throws IOException {
        List<StandardizedRecord> records = new ArrayList<>();
        Map<RecordKey, String> truth = new HashMap<>();
        int bad = 0;
        long lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            List<String> chunk = new ArrayList<>(CHUNK);
            boolean more = true;
            while (more) {
                chunk.clear();
                String line;
                while (chunk.size() < CHUNK && (line = reader.readLine()) != null) {
                    chunk.add(line);
                }
                more = chunk.size() == CHUNK;
                Parsed[] parsed = parse(chunk, truthField);
                for (int i = 0; i < parsed.length; i++) {
                    long number = lineNumber + i + 1;
                    if (parsed[i] == null) {
                        continue;
                    }
                    if (parsed[i].error() != null) {
                        err.println("line " + number + ": " + parsed[i].error());
                        bad++;
                    } else {
                        records.add(parsed[i].record());
                        if (parsed[i].truth() != null) {
                            truth.put(parsed[i].record().key(), parsed[i].truth());
                        }
                    }
                }
                lineNumber += chunk.size();
            }
        }
        return new Load(records, truth, bad);
    }

    private static Parsed[] parse(List<String> lines, String truthField) {
        Parsed[] parsed = new Parsed[lines.size()];
        IntStream.range(0, lines.size()).parallel().forEach(i -> {
            String line = lines.get(i);
            if (line.isBlank()) {
                return;
            }
            try {
                // kind and ID type completed as the hub's canonical intake completes them, so that both read a line alike
                PartyRecord record = PartyTypes.complete(PartyRecordJson.read(line));
                Object truth = truthField == null ? null : record.getAttributes().get(truthField);
                parsed[i] = new Parsed(Standardizer.standardize(record), truth == null ? null : truth.toString(), null);
            } catch (InvalidRecordException e) {
                parsed[i] = new Parsed(null, null, e.getMessage());
            }
        });
        return parsed;
    }
}
