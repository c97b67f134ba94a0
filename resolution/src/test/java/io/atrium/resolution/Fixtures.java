package io.atrium.resolution;

import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Hand-made records and the trap population in {@code fixtures/population.jsonl}. */
public final class Fixtures {

    /** No frequency information: every weight is the level's own, every block small. */
    public static final ValueFrequencies NO_FREQUENCIES = new ValueFrequencies() {
        @Override
        public double frequency(FieldKind field, String value) {
            return 0;
        }

        @Override
        public double typicalFrequency(FieldKind field) {
            return 0;
        }

        @Override
        public long blockSize(BlockingKey key) {
            return 1;
        }
    };

    private Fixtures() {
    }

    public static StandardizedRecord standardized(String json) {
        return Standardizer.standardize(PartyRecordJson.read(json));
    }

    public static List<PartyRecord> population() {
        return populationLines().stream().map(PartyRecordJson::read).toList();
    }

    public static List<String> populationLines() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/population.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
