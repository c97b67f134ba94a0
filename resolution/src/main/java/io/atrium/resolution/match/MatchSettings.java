package io.atrium.resolution.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.resolution.model.IdType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about matching that is configuration, immutable: thresholds, m/u probabilities per field
 * and level, term-frequency caps, blocking limits, which identifier types may never conflict, and the
 * source trust order for survivorship. Defaults live in the {@code match-settings.json} resource.
 *
 * @param mergeThreshold     total weight from which a pair merges automatically
 * @param reviewThreshold    total weight from which a pair goes to a data steward
 * @param maxBlockSize       a blocking key shared by more records than this pairs nobody (too common to help)
 * @param conflictingIdTypes identifier types one party holds only one of, so two valid different ones never merge
 * @param sourceTrust        sources from most to least trusted; sources not listed come last
 * @param weighedConflicts   the fields (NAME, BIRTH_DATE) whose outright disagreement is weighed, not a veto, between
 *                           two records whose identifiers, not both validated, differ: those a population shows to be
 *                           slips ({@link ConflictEvidence}). Null (the shipped default, and a file that leaves it out)
 *                           says "learn them from the population resolved" ({@link #learnsConflicts()}); until learned
 *                           none is weighed. A list, even an empty one, pins them
 */
public record MatchSettings(double mergeThreshold, double reviewThreshold, int maxBlockSize,
                            Set<IdType> conflictingIdTypes, List<String> sourceTrust,
                            Map<FieldKind, FieldSettings> fields,
                            Set<FieldKind> weighedConflicts) {

    public static final String DEFAULT_RESOURCE = "match-settings.json";

    // not FAIL_ON_NULL_CREATOR_PROPERTIES: weighedConflicts left out means learned; the other properties' copies
    // refuse null
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param tfCap how far (in bits) term-frequency adjustment may move a level's weight; bounding it keeps a
     *              value's weight from swinging as a population grows
     */
    public record FieldSettings(double tfCap, Map<ComparisonLevel, LevelSettings> levels) {
        public FieldSettings {
            levels = Map.copyOf(levels);
        }

        /** These settings, with the shipped ones' levels this lacks (a file written before a level existed). */
        FieldSettings over(FieldSettings shipped) {
            Map<ComparisonLevel, LevelSettings> merged = new EnumMap<>(ComparisonLevel.class);
            merged.putAll(shipped.levels());
            merged.putAll(levels);
            return new FieldSettings(tfCap, merged);
        }
    }

    /**
     * @param m  probability of this level among true matches
     * @param u  probability of this level among non-matches (the base chance of agreeing by accident)
     * @param tf adjust the weight for how common the shared value is
     */
    public record LevelSettings(double m, double u, boolean tf) {
        public LevelSettings {
            if (!(m > 0 && m <= 1 && u > 0 && u <= 1)) {
                throw new IllegalArgumentException("m and u must lie in (0, 1]");
            }
        }

        /** log2(m/u): the Fellegi-Sunter match weight. */
        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    public MatchSettings {
        if (reviewThreshold > mergeThreshold) {
            throw new IllegalArgumentException("reviewThreshold must not exceed mergeThreshold");
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize must be at least 2");
        }
        conflictingIdTypes = Set.copyOf(conflictingIdTypes);
        sourceTrust = List.copyOf(sourceTrust);
        fields = Map.copyOf(new EnumMap<>(fields));
        // in the fields' order, so that a learned settings file reads the same from run to run
        weighedConflicts = weighedConflicts == null ? null : Collections.unmodifiableSet(weighedConflicts.isEmpty()
                ? EnumSet.noneOf(FieldKind.class) : EnumSet.copyOf(weighedConflicts));
    }

    /** The settings shipped in the resource. */
    public static MatchSettings defaults() {
        try (InputStream in = MatchSettings.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
            }
            return MAPPER.readValue(in, MatchSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Settings from a file that replaces the defaults, except for fields and levels it does not name, which keep the
     * shipped settings: a file copied before a field (PROJECT) or a level (NAME PARTIAL) was added still scores every
     * pair; a file that names no weighed conflicts learns them, as the shipped settings do.
     */
    public static MatchSettings load(Path file) {
        try {
            MatchSettings configured = MAPPER.readValue(Files.readString(file), MatchSettings.class);
            Map<FieldKind, FieldSettings> fields = new EnumMap<>(defaults().fields());
            configured.fields().forEach((field, own) -> fields.merge(field, own, (shipped, fromFile) -> fromFile.over(shipped)));
            return configured.withFields(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read match settings " + file, e);
        }
    }

    public String toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These settings with other fields' levels (learned ones, say). */
    public MatchSettings withFields(Map<FieldKind, FieldSettings> otherFields) {
        return new MatchSettings(mergeThreshold, reviewThreshold, maxBlockSize, conflictingIdTypes, sourceTrust, otherFields,
                weighedConflicts);
    }

    /** These settings with other fields' disagreements weighed instead of vetoed. */
    public MatchSettings withWeighedConflicts(Set<FieldKind> otherWeighedConflicts) {
        return new MatchSettings(mergeThreshold, reviewThreshold, maxBlockSize, conflictingIdTypes, sourceTrust, fields,
                otherWeighedConflicts);
    }

    /** Whether the weighed conflicts are to be learned from the population resolved, not pinned by these settings. */
    public boolean learnsConflicts() {
        return weighedConflicts == null;
    }

    /** Whether an outright disagreement of this field beside identifiers that differ is weighed, not a veto. */
    public boolean weighs(FieldKind field) {
        return weighedConflicts != null && weighedConflicts.contains(field);
    }

    /** The level's settings; a level the comparisons use but the settings lack is a configuration error. */
    public LevelSettings level(FieldKind field, ComparisonLevel level) {
        FieldSettings settings = fields.get(field);
        LevelSettings levelSettings = settings == null ? null : settings.levels().get(level);
        if (levelSettings == null) {
            throw new IllegalStateException("match settings lack field " + field + " level " + level);
        }
        return levelSettings;
    }

    /** Position in the trust order, lower is more trusted; unlisted sources rank after all listed ones. */
    public int trustRank(String source) {
        int rank = sourceTrust.indexOf(source);
        return rank < 0 ? sourceTrust.size() : rank;
    }
}
