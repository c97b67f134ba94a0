package io.atrium.simulators.labeled;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.simulators.population.Appearance;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.variation.RecordProjects;
import io.atrium.simulators.variation.Renderer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes every appearance of a population as a canonical record (JSON Lines, section 6 of the
 * source formats) labeled with the party's truthId, so a matcher's result can be scored. Person records
 * carry the projects their source ties them to ({@link RecordProjects}), as the connectors fill them.
 * The same population and seed give the same file, byte for byte.
 */
public final class LabeledExport {

    public static final String TRUTH_ID = "truthId";
    /** Record versions fall in the two years before this instant, so that files do not depend on today. */
    private static final Instant NEWEST_VERSION = Instant.parse("2026-03-01T00:00:00Z");
    private static final long TWO_YEARS_SECONDS = 2L * 365 * 24 * 3600;

    private LabeledExport() {
    }

    /** Writes at most limit records (the appearances are in random order) and returns how many. */
    public static long write(Population population, Path file, long limit) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(population, out, limit);
        }
    }

    public static long write(Population population, Writer out, long limit) throws IOException {
        Renderer renderer = Renderer.forScript(population.script());
        Random random = new Random(population.seed() * 31 + 7);
        // relations drawn apart, so that every other field of a seed's records stays as it was
        Random relations = new Random(population.seed() * 31 + 11);
        long count = 0;
        for (Appearance appearance : population.appearances()) {
            if (count == limit) {
                break;
            }
            Instant updatedAt = NEWEST_VERSION.minusSeconds((long) (random.nextDouble() * TWO_YEARS_SECONDS));
            PartyRecord record = renderer.render(appearance, updatedAt, random);
            List<String> projects = RecordProjects.of(appearance, relations);
            if (!projects.isEmpty()) {
                record.putAttribute(PartyRecord.PROJECTS, projects);
            }
            record.putAttribute(TRUTH_ID, appearance.party().truthId());
            out.write(PartyRecordJson.write(record));
            out.write('\n');
            count++;
        }
        return count;
    }
}
