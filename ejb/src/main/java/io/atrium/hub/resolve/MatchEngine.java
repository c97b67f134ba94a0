package io.atrium.hub.resolve;

import io.atrium.resolution.cluster.ClusterPartitioner;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.ReviewPriority;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.resolve.IncrementalResolver;
import io.atrium.resolution.survivorship.Survivorship;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The resolution engine as the hub runs it: the match settings (the shipped defaults, or the file
 * named by {@code atrium.match.settings-file}) and the scorer, incremental resolver, partitioner and
 * survivorship built from them. All are immutable and thread-safe. And the review queue's order
 * ({@link ReviewPriority}): by the settings in {@code atrium.match.review-priority-settings-file} when that file
 * exists, read at start and again at every recount of the frequency snapshot (so a file learned anew from a grown
 * population takes effect without a restart), else by score.
 * <p>
 * Settings that leave the weighed conflicts to be learned (the shipped ones) weigh those the stored records show to be
 * slips ({@link ConflictLearner}, {@link #weigh}), none until the first count learned them; the scorer, resolver and
 * partitioner are then built anew together, and callers read whichever set was in force when they asked.
 */
@ApplicationScoped
public class MatchEngine {

    @Inject
    @ConfigProperty(name = "atrium.match.settings-file")
    Optional<String> settingsFile;

    @Inject
    @ConfigProperty(name = "atrium.match.review-priority-settings-file")
    Optional<String> prioritySettingsFile;

    private static final Logger LOG = Logger.getLogger(MatchEngine.class.getName());

    /** The settings and what is built from them, replaced as one when the weighed conflicts change. */
    private record Built(MatchSettings settings, Scorer scorer, IncrementalResolver resolver, ClusterPartitioner partitioner) {
        static Built of(MatchSettings settings) {
            Scorer scorer = new Scorer(settings);
            return new Built(settings, scorer, new IncrementalResolver(scorer), new ClusterPartitioner(scorer));
        }
    }

    private MatchSettings configured;
    private volatile Built built;
    private Survivorship survivorship;
    private volatile ReviewPriority reviewPriority = ReviewPriority.BY_SCORE;

    @PostConstruct
    void build() {
        configured = settingsFile.filter(f -> !f.isBlank()).map(f -> MatchSettings.load(Path.of(f))).orElseGet(MatchSettings::defaults);
        built = Built.of(configured);
        survivorship = new Survivorship(configured);
        readReviewPriority();
    }

    /** Before the re-scoring pass the recount starts ({@link Rescoring}), which writes priorities with it. */
    void recounted(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) FrequencySnapshot.Recounted recount) {
        try {
            readReviewPriority();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // a file broken while the hub runs must not stop the recount: the queue keeps its order
            LOG.warning(() -> "review priority settings not read again, the queue keeps its order: " + e.getMessage());
        }
    }

    private void readReviewPriority() {
        Optional<Path> file = prioritySettingsFile.filter(f -> !f.isBlank()).map(Path::of);
        ReviewPriority read = file.filter(Files::isRegularFile)
                .map(f -> ReviewPriority.scoredWith(MatchSettings.load(f))).orElse(ReviewPriority.BY_SCORE);
        if (read.hasOwnSettings() || reviewPriority.hasOwnSettings()) {
            LOG.info(() -> "review queue ordered " + (read.hasOwnSettings() ? "by the settings in " + file.get() : "by score"));
        }
        reviewPriority = read;
    }

    /**
     * Weighs these conflicts from now on, if the settings leave them to be learned; settings that pin them keep theirs.
     *
     * @return whether the conflicts weighed changed
     */
    public synchronized boolean weigh(Set<FieldKind> learned) {
        // settings that learn weigh none until the first count (their set is unset, not empty): none is no change
        Set<FieldKind> now = built.settings().learnsConflicts() ? Set.of() : built.settings().weighedConflicts();
        if (!configured.learnsConflicts() || learned.equals(now)) {
            return false;
        }
        built = Built.of(configured.withWeighedConflicts(learned));
        LOG.info(() -> "conflicts weighed from now on: " + learned);
        return true;
    }

    /** Whether the settings leave the weighed conflicts to be learned from the stored records. */
    public boolean learnsConflicts() {
        return configured.learnsConflicts();
    }

    public MatchSettings settings() { return built.settings(); }
    public Scorer scorer() { return built.scorer(); }
    public IncrementalResolver resolver() { return built.resolver(); }
    public ClusterPartitioner partitioner() { return built.partitioner(); }
    public Survivorship survivorship() { return survivorship; }
    public ReviewPriority reviewPriority() { return reviewPriority; }
}
