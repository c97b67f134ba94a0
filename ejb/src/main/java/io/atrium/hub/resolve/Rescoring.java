package io.atrium.hub.resolve;

import io.atrium.hub.polling.ElectedNode;
import io.atrium.hub.polling.PollerSingletonActivator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-scoring in the background: when the frequency snapshot is recounted (after a load, after the re-index's
 * records, as the population grows) or an administrator asks, every stored link is scored again with today's
 * weights and settings, in chunks of {@value #CHUNK} links each in its own transaction, beside the live resolver.
 * A pair the matcher now decides differently (merge, review, none) changes its link, and the customers of the
 * links that now join their records or no longer do are re-partitioned as the resolver re-partitions, with the
 * usual change events. Steward decisions stay: accepted and rejected pairs, splits, blocks.
 * <p>
 * Links stored meanwhile are scored by the resolver with the new weights. Pairs never stored as links (scored
 * below the review band, or never compared) are not looked for: a record's next version compares it again.
 * <p>
 * On two nodes the passes a recount or an interruption start run on the elected node only ({@link ElectedNode}): each
 * node recounts its own snapshot, but the links are the cluster's.
 */
// Open to every caller: the hub's own timers and events call it without a caller identity; users reach it
// only through role-checked beans.
@PermitAll
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Rescoring {

    static final int CHUNK = 200;
    /** A chunk that fails (a deadlock with the resolver, which the database breaks) is tried again this often. */
    private static final int ATTEMPTS = 3;
    /** How often a node of a cluster looks for an interrupted pass to take over. */
    private static final long RESUME_LOOK_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final Logger LOG = Logger.getLogger(Rescoring.class.getName());

    /**
     * @param state       {@code IDLE} (never ran), {@code RUNNING}, {@code DONE} or {@code FAILED}
     * @param done        links re-scored so far of the {@code total} stored when the pass began
     * @param secondsLeft at the pass's rate so far; null until a chunk is done and once it ended
     * @param anotherPassFollows re-scoring was asked for again during this pass
     * @param failure     why the pass stopped: exception classes only (a message may quote record data)
     */
    public record Progress(String state, String cause, long done, long total, Long secondsLeft, long decisionsChanged,
                           long customersChanged, boolean anotherPassFollows, Instant startedAt, Instant finishedAt,
                           String failure) {

        static final Progress IDLE = new Progress("IDLE", null, 0, 0, null, 0, 0, false, null, null, null);

        static Progress of(RescoringRun run, Instant now) {
            boolean running = run.getState() == RescoringRun.State.RUNNING;
            return new Progress(run.getState().name(), run.getCause().name(), run.getLinksDone(), run.getLinksTotal(),
                    running ? secondsLeft(run.getLinksDone(), run.getLinksTotal(), Duration.between(run.getStartedAt(), now)) : null,
                    run.getDecisionsChanged(), run.getCustomersChanged(), run.isAgain(), run.getStartedAt(), run.getFinishedAt(),
                    run.getFailure());
        }

        /** The links left at the rate so far; null before the first chunk. */
        static Long secondsLeft(long done, long total, Duration elapsed) {
            if (done == 0) {
                return null;
            }
            return Math.max(0, total - done) * elapsed.toMillis() / done / 1000;
        }
    }

    @EJB
    RescoringChunk chunks;

    @Resource
    SessionContext context;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "atrium.resolver.rescore-after-recount")
    boolean afterRecount;

    private boolean passing;

    /**
     * A pass a crash or a stop interrupted goes on shortly after the start; on two nodes the timer keeps looking,
     * so that the node elected after the one working a pass died takes it over.
     */
    @PostConstruct
    void resumeSoon() {
        if (PollerSingletonActivator.electsPollers()) {
            timers.createIntervalTimer(5_000, RESUME_LOOK_MILLIS, new TimerConfig(null, false));
        } else {
            timers.createSingleActionTimer(5_000, new TimerConfig(null, false));
        }
    }

    @Timeout
    void resume() {
        if (ElectedNode.isThisOne() && !isPassing() && latestPassRunning()) {
            LOG.info("re-scoring: an interrupted pass goes on");
            pass();
        }
    }

    public void recounted(@Observes FrequencySnapshot.Recounted recount) {
        if (afterRecount && ElectedNode.isThisOne()) {
            start(RescoringRun.Cause.RECOUNT, recount.conflictsChanged());
        }
    }

    /** Begins a pass (or, asked during one, another after it) and returns at once. */
    public Progress start(RescoringRun.Cause cause) {
        return start(cause, false);
    }

    /**
     * @param conflictsChanged the conflicts weighed changed: the pass also re-partitions the customers that a joining
     *                         link connects but a conflict kept apart
     */
    private synchronized Progress start(RescoringRun.Cause cause, boolean conflictsChanged) {
        chunks.begin(cause, conflictsChanged);
        pass();
        return progress();
    }

    public Progress progress() {
        return chunks.latest().map(run -> Progress.of(run, Instant.now())).orElse(Progress.IDLE);
    }

    private synchronized boolean isPassing() {
        return passing;
    }

    /** Works the running pass in the background, unless this node does already. */
    private synchronized void pass() {
        if (!passing) {
            passing = true;
            context.getBusinessObject(Rescoring.class).work();
        }
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void work() {
        do {
            long links = 0;
            long started = System.nanoTime();
            try {
                for (RescoringChunk.Done done = chunk(); done.more(); done = chunk()) {
                    links += done.links();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                LOG.info(String.format("re-scoring: %d links re-scored in %.1f s (%.0f links/s)", links, seconds, links / Math.max(seconds, 1e-3)));
            } catch (RuntimeException e) {
                String failure = e.getCause() == null ? e.getClass().getName() : e.getClass().getName() + " caused by " + e.getCause().getClass().getName();
                LOG.log(Level.WARNING, "re-scoring stopped after {0} links: {1}", new Object[]{links, failure});
                chunks.fail(failure);
            }
        } while (!stopWorking());
    }

    /** Stops unless a pass began since the last chunk looked (start holds the same monitor while it begins one). */
    private synchronized boolean stopWorking() {
        if (latestPassRunning()) {
            return false;
        }
        passing = false;
        return true;
    }

    private boolean latestPassRunning() {
        return chunks.latest().filter(run -> run.getState() == RescoringRun.State.RUNNING).isPresent();
    }

    private RescoringChunk.Done chunk() {
        for (int attempt = 1; ; attempt++) {
            try {
                return chunks.rescore(CHUNK);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
