package io.atrium.resolution.match;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Match probabilities learned from a population's own candidate pairs, without labels: expectation
 * maximisation over the pairs' comparison patterns under Fellegi-Sunter's two-class model, as Splink trains
 * m. How often the records of one party agree on each field is what sets one population apart
 * from another (a source that mistypes birth dates, identifiers never validated, given names replaced), so
 * m is learned. The u probabilities written out (how often two different parties agree by chance) stay as
 * configured: the blocked pairs are far from random pairs, so the non-matching candidates' own level shares
 * serve only inside the fit, and term-frequency adjustment already gives u per value. Thresholds stay as
 * configured too: they are bits of evidence, whatever the population.
 * <p>
 * The result depends only on the multiset of patterns, so it is a function of the population, never of the
 * order records arrived in.
 */
public final class WeightLearning {

    /** The configured m of a level counts as this many matching pairs: fields the population rarely shows keep it. */
    private static final double PRIOR_PAIRS = 10;
    private static final int MAX_ITERATIONS = 200;
    /** Added to every level's count of non-matching pairs, so that a level none of them shows is rare, not impossible. */
    private static final double UNSEEN = 0.5;
    private static final double CONVERGED = 1e-6;
    private static final int BITS_PER_SLOT = 4;
    private static final int SLOT_MASK = (1 << BITS_PER_SLOT) - 1;
    private static final FieldKind[] SLOTS = FieldKind.values();
    private static final ComparisonLevel[] LEVELS = ComparisonLevel.values();

    static {
        if (LEVELS.length + 1 > SLOT_MASK + 1 || SLOTS.length * BITS_PER_SLOT > Long.SIZE) {
            throw new IllegalStateException("comparison patterns no longer fit a long");
        }
    }

    private WeightLearning() {
    }

    /**
     * @param settings   the configured settings with the learned m in place of the configured one
     * @param matchShare the estimated share of candidate pairs that are matches
     * @param iterations EM iterations until no probability moved by more than 1e-6
     */
    public record Learned(MatchSettings settings, double matchShare, int iterations) {
    }

    /**
     * A pair's comparison pattern: per field, 0 when the field says nothing, else 1 + the level's ordinal.
     * A name of which one side is only a surname (陈先生) is counted apart, under {@link FieldKind#SURNAME}:
     * its levels are a regime of their own (it can only agree on the surname), whose configured m is
     * conditional on it.
     */
    static long pattern(FieldComparisons.Outcome[] outcomes, boolean weakName) {
        long pattern = 0;
        for (FieldComparisons.Outcome outcome : outcomes) {
            if (outcome != null) {
                FieldKind slot = weakName && outcome.field() == FieldKind.NAME ? FieldKind.SURNAME : outcome.field();
                pattern |= (long) (outcome.level().ordinal() + 1) << (slot.ordinal() * BITS_PER_SLOT);
            }
        }
        return pattern;
    }

    /** The settings with m learned from these comparison patterns (one per candidate pair, any order). */
    public static Learned learn(MatchSettings settings, long[] patterns) {
        if (patterns.length == 0) {
            return new Learned(settings, 0, 0);
        }
        long[] sorted = patterns.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        long[] counts = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
            counts[distinct - 1]++;
        }
        ConflictEvidence conflicts = new ConflictEvidence();
        for (int p = 0; p < distinct; p++) {
            conflicts.add(sorted[p], counts[p]);
        }
        Learned learned = new Model(settings).fit(Arrays.copyOf(sorted, distinct), Arrays.copyOf(counts, distinct));
        // conflicts a settings file pins stay pinned
        Set<FieldKind> weighed = settings.learnsConflicts() ? conflicts.weighed() : settings.weighedConflicts();
        return new Learned(learned.settings().withWeighedConflicts(weighed), learned.matchShare(), learned.iterations());
    }

    static int level(long pattern, FieldKind slot) {
        return (int) (pattern >>> (slot.ordinal() * BITS_PER_SLOT)) & SLOT_MASK;
    }

    /** m and u per slot and level (index 1 + ordinal; 0 unused), from the settings of the slot's field. */
    private static final class Model {
        private final MatchSettings settings;
        private final double[][] configuredM = new double[SLOTS.length][LEVELS.length + 1];
        private final double[][] u = new double[SLOTS.length][LEVELS.length + 1];
        private final double[][] m = new double[SLOTS.length][LEVELS.length + 1];

        Model(MatchSettings settings) {
            this.settings = settings;
            for (FieldKind slot : SLOTS) {
                MatchSettings.FieldSettings field = settings.fields().get(fieldOf(slot));
                if (field != null) {
                    field.levels().forEach((level, configured) -> {
                        configuredM[slot.ordinal()][level.ordinal() + 1] = configured.m();
                        u[slot.ordinal()][level.ordinal() + 1] = configured.u();
                    });
                }
            }
            for (int s = 0; s < SLOTS.length; s++) {
                m[s] = configuredM[s].clone();
            }
        }

        private static FieldKind fieldOf(FieldKind slot) {
            return slot == FieldKind.SURNAME ? FieldKind.NAME : slot;
        }

        Learned fit(long[] patterns, long[] counts) {
            // the first E-step trusts the configured weights, a pair halfway between the thresholds being a coin toss;
            // later ones compare the learned m with the non-matching candidates' own level shares
            double[][] candidateU = u;
            double priorLogOdds = -Math.log(2) * (settings.mergeThreshold() + settings.reviewThreshold()) / 2;
            double share = 0;
            int iteration = 0;
            double moved = Double.MAX_VALUE;
            while (iteration < MAX_ITERATIONS && moved > CONVERGED) {
                iteration++;
                // E: each pattern's probability of being a match; M: m per level among the expected matches
                double[][] matched = new double[SLOTS.length][LEVELS.length + 1];
                double[][] unmatched = new double[SLOTS.length][LEVELS.length + 1];
                double expectedMatches = 0;
                long pairs = 0;
                double[] fieldLogRatio = new double[SLOTS.length];
                for (int p = 0; p < patterns.length; p++) {
                    double logOdds = priorLogOdds;
                    for (FieldKind slot : SLOTS) {
                        int level = level(patterns[p], slot);
                        fieldLogRatio[slot.ordinal()] = level == 0 ? 0
                                : Math.log(m[slot.ordinal()][level] / candidateU[slot.ordinal()][level]);
                        logOdds += fieldLogRatio[slot.ordinal()];
                    }
                    double matches = counts[p] * matchProbability(logOdds);
                    expectedMatches += matches;
                    pairs += counts[p];
                    for (FieldKind slot : SLOTS) {
                        int level = level(patterns[p], slot);
                        // how often a field disagrees among matches is judged by the other fields' evidence: judged by
                        // its own as well, every disagreement would make a pair less of a match and m would purify itself
                        matched[slot.ordinal()][level] += counts[p] * matchProbability(logOdds - fieldLogRatio[slot.ordinal()]);
                        unmatched[slot.ordinal()][level] += counts[p] - matches;
                    }
                }
                double newShare = clamp(expectedMatches / pairs);
                moved = Math.abs(newShare - share);
                share = newShare;
                priorLogOdds = Math.log(share / (1 - share));
                candidateU = new double[SLOTS.length][];
                for (int s = 0; s < SLOTS.length; s++) {
                    double seen = 0;
                    for (int l = 1; l <= LEVELS.length; l++) {
                        seen += matched[s][l];
                    }
                    for (int l = 1; l <= LEVELS.length; l++) {
                        if (configuredM[s][l] > 0) {
                            // the configured m is a prior worth PRIOR_PAIRS matches: it stays where data is scarce
                            double learned = (matched[s][l] + PRIOR_PAIRS * configuredM[s][l]) / (seen + PRIOR_PAIRS);
                            moved = Math.max(moved, Math.abs(learned - m[s][l]));
                            m[s][l] = learned;
                        }
                    }
                    candidateU[s] = shares(unmatched[s]);
                }
            }
            return new Learned(withLearnedM(), share, iteration);
        }

        private static double matchProbability(double logOdds) {
            return 1 / (1 + Math.exp(-logOdds));
        }

        /** Counts per level (index 0, no evidence, left out) as shares, none zero so that every log ratio is finite. */
        private static double[] shares(double[] counts) {
            double total = 0;
            for (int l = 1; l < counts.length; l++) {
                total += counts[l] + UNSEEN;
            }
            double[] shares = new double[counts.length];
            for (int l = 1; l < counts.length; l++) {
                shares[l] = (counts[l] + UNSEEN) / total;
            }
            return shares;
        }

        /** A pattern set of only non-matches or only matches would drive the share to 0 or 1, where log odds break. */
        private static double clamp(double share) {
            return Math.max(1e-9, Math.min(1 - 1e-9, share));
        }

        /** The settings with each level's m as learned; a weak name's SURNAME level from its own regime. */
        private MatchSettings withLearnedM() {
            Map<FieldKind, MatchSettings.FieldSettings> fields = new EnumMap<>(FieldKind.class);
            settings.fields().forEach((field, configured) -> {
                Map<ComparisonLevel, MatchSettings.LevelSettings> levels = new HashMap<>();
                configured.levels().forEach((level, levelSettings) -> {
                    FieldKind slot = field == FieldKind.NAME && level == ComparisonLevel.SURNAME ? FieldKind.SURNAME : field;
                    levels.put(level, new MatchSettings.LevelSettings(
                            m[slot.ordinal()][level.ordinal() + 1], levelSettings.u(), levelSettings.tf()));
                });
                fields.put(field, new MatchSettings.FieldSettings(configured.tfCap(), levels));
            });
            return settings.withFields(fields);
        }
    }
}
