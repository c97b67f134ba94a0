package io.atrium.hub.resolve;

import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;

/** What operators see of the resolver, and what administrators may do to it. */
@Stateless
@RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
public class ResolverStatus {

    /**
     * @param frequencyPopulation records counted by the frequency snapshot the matcher uses now
     * @param reindex             the latest re-index: running, records done, when, why it stopped early
     * @param rescoring           the latest re-scoring of the stored links ({@link Rescoring})
     * @param conflictsWeighed    the name and birth-date conflicts weighed, not vetoed, beside identifiers that differ:
     *                            learned from the stored records at the last count ({@link ConflictLearner}), or pinned
     *                            by the settings file
     */
    public record View(ResolverTimings.Summary timings, long frequencyPopulation, Instant frequenciesTakenAt,
                       Reindexing.Progress reindex, Rescoring.Progress rescoring, LearnedConflicts.View conflictsWeighed) {
    }

    @Inject
    ResolverTimings timings;

    @Inject
    FrequencySnapshot frequencies;

    @EJB
    Reindexing reindexing;

    @EJB
    Rescoring rescoring;

    @Inject
    MatchEngine engine;

    @EJB
    ConflictLearner conflicts;

    public View view() {
        return new View(timings.summary(), frequencies.population(), frequencies.takenAt(), reindexing.progress(),
                rescoring.progress(), conflictsWeighed());
    }

    private LearnedConflicts.View conflictsWeighed() {
        if (!engine.learnsConflicts()) {
            return LearnedConflicts.View.pinned(engine.settings().weighedConflicts());
        }
        return conflicts.stored().map(LearnedConflicts.View::of).orElse(LearnedConflicts.View.NOT_YET_LEARNED);
    }

    public Rescoring.Progress rescoring() {
        return rescoring.progress();
    }

    /** Starts re-scoring the stored links in the background (unless a pass runs); the answer shows its progress. */
    @RolesAllowed(HubRoles.ADMIN)
    public Rescoring.Progress rescore() {
        return rescoring.start(RescoringRun.Cause.OPERATOR);
    }

    /** Outside a transaction: the count and the learning take their own, and no timeout bounds the whole. */
    @RolesAllowed(HubRoles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public View refreshFrequencies() {
        frequencies.refresh();
        return view();
    }

    /** Starts a re-index in the background (unless one runs); the view shows its progress. */
    @RolesAllowed(HubRoles.ADMIN)
    public View reindex() {
        reindexing.start();
        return view();
    }

    @RolesAllowed(HubRoles.ADMIN)
    public View resetTimings() {
        timings.reset();
        return view();
    }
}
