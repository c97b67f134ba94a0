package io.atrium.hub.resolve;

import io.atrium.hub.match.RecordHash;
import io.atrium.hub.polling.ElectedNode;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * How common each value and blocking key is among the stored records, held fixed between refreshes
 * so that every record resolved meanwhile is weighed against the same population (as bulk resolution
 * does with its load). A refresh counts the record_hash rows in the database; it runs at start and
 * then, every {@code atrium.resolver.frequency-check-seconds}, when the records stored (or
 * re-indexed) since reach a tenth of the population, or an hour went by with any. Those are counted
 * as the resolver stores them, not by a count over the table at every check (a sequential scan of
 * millions of rows every minute, beside the resolver); a record another node stores is counted there.
 * Each node keeps and refreshes its own snapshot (its resolver weighs with it); the re-scoring pass a recount
 * starts is the cluster's, and {@link Rescoring} runs it on the elected node only.
 * <p>
 * At each count the elected node also learns which conflicts the stored records show to be slips
 * ({@link ConflictLearner}) and stores them; every node weighs with the stored set ({@link MatchEngine#weigh}), read at
 * each count and each check, so that all weigh alike. The learning comes before {@link Recounted}, so the re-scoring
 * pass re-decides the links with the set just learned. Counting and learning run outside a transaction of their own
 * (the count in one, each of the learning's reads in its own), so no transaction timeout bounds them.
 */
// Open to every caller: the hub's own routes, consumers and timers call it without a caller
// identity; users reach it only through role-checked beans.
@PermitAll
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FrequencySnapshot {

    private static final Logger LOG = Logger.getLogger(FrequencySnapshot.class.getName());

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "atrium.resolver.frequency-check-seconds")
    long checkSeconds;

    /**
     * The snapshot was recounted while the hub ran, so links stored before were weighed otherwise ({@link Rescoring}).
     * Not fired for the count at start (the links stored before were weighed by the previous run's last count), unless
     * the conflicts learned at that count differ from those the previous run stored.
     *
     * @param conflictsChanged the conflicts weighed changed with this count, so customers kept apart may now join
     */
    public record Recounted(long population, boolean conflictsChanged) {
    }

    @Inject
    Event<Recounted> recounted;

    /** Where each count is published for the search and the resolver, which read it without an EJB call. */
    @Inject
    CurrentFrequencies published;

    @EJB
    ConflictLearner conflicts;

    @Inject
    MatchEngine engine;

    @Resource
    SessionContext context;

    private volatile long population;
    private volatile Instant takenAt;
    private final AtomicLong storedSince = new AtomicLong();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(1_000, Duration.ofSeconds(checkSeconds).toMillis(), new TimerConfig(null, false));
    }

    public ValueFrequencies current() {
        return published.get();
    }

    public long population() {
        return population;
    }

    public Instant takenAt() {
        return takenAt;
    }

    /**
     * Records were stored for the first time or re-indexed; they count toward the next refresh (even if
     * their transaction rolls back: the refresh then comes a little early).
     */
    public void recordsChanged(long records) {
        storedSince.addAndGet(records);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check() {
        long stored = storedSince.get();
        boolean grewMuch = stored * 10 >= Math.max(population, 1);
        boolean stale = stored > 0 && takenAt != null && takenAt.isBefore(Instant.now().minus(Duration.ofHours(1)));
        if (takenAt == null || grewMuch || stale) {
            refresh();
        } else {
            // what another node learned at its recount
            weighStored();
        }
    }

    /** Recounts now, and learns the weighed conflicts anew on the elected node; also used by operators and benchmarks after a bulk load. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void refresh() {
        boolean first = takenAt == null;
        Set<FieldKind> lastRun = first ? storedConflicts() : null;
        if (first) {
            // what the last run learned, until this count has learned anew
            weighStored();
        }
        long records = context.getBusinessObject(FrequencySnapshot.class).count();
        if (engine.learnsConflicts() && ElectedNode.isThisOne()) {
            conflicts.learn(published.get(), records);
        }
        boolean conflictsChanged = weighStored();
        // the count at start fires too when the links stored before were decided with other conflicts weighed (the
        // first start of a version that learns them, say)
        if (!first || !storedConflicts().equals(lastRun)) {
            recounted.fire(new Recounted(records, first || conflictsChanged));
        }
    }

    /** The conflicts stored last; none where nothing was ever learned, as the engine then weighs none. */
    private Set<FieldKind> storedConflicts() {
        return engine.learnsConflicts() ? conflicts.stored().map(LearnedConflicts::weighed).orElse(Set.of()) : Set.of();
    }

    /** Weighs the conflicts stored last; returns whether this node's changed. */
    private boolean weighStored() {
        return engine.learnsConflicts() && conflicts.stored().map(learned -> engine.weigh(learned.weighed())).orElse(false);
    }

    /** Counts the stored records' hashes and publishes the snapshot; returns the records counted. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public long count() {
        long records = em.createQuery("select count(r) from SourceRecord r", Long.class).getSingleResult();
        storedSince.set(0);
        long started = System.nanoTime();
        int fields = FieldKind.values().length;
        double[] squares = new double[fields];
        double[] sums = new double[fields];
        long[] hashes = new long[1024];
        int[] counts = new int[1024];
        int size = 0;
        try (Stream<Object[]> rows = em.createQuery(
                        // grouped in the primary key's order (field, hash): read from the index in order, not sorted
                        "select h.hash, h.field, count(h) from RecordHash h group by h.field, h.hash", Object[].class)
                // streamed in pages: without a fetch size the PostgreSQL driver reads millions of groups at once
                .setHint("org.hibernate.fetchSize", 10_000)
                .getResultStream()) {
            for (Object[] row : (Iterable<Object[]>) rows::iterator) {
                long hash = (Long) row[0];
                short field = (Short) row[1];
                long count = (Long) row[2];
                if (field != RecordHash.BLOCKING_KEY && field < fields) {
                    squares[field] += (double) count * count;
                    sums[field] += count;
                }
                if (size == hashes.length) {
                    hashes = Arrays.copyOf(hashes, size * 2);
                    counts = Arrays.copyOf(counts, size * 2);
                }
                hashes[size] = hash;
                counts[size++] = (int) Math.min(Integer.MAX_VALUE, count);
            }
        }
        double[] typical = new double[fields];
        for (int f = 0; f < fields; f++) {
            typical[f] = sums[f] == 0 || records == 0 ? 0 : squares[f] / sums[f] / records;
        }
        // the name prior blended in as the bulk tool does, fading as the population grows
        published.publish(InMemoryFrequencies.fromCounts(Arrays.copyOf(hashes, size), Arrays.copyOf(counts, size), records, typical)
                .withNamePrior());
        int distinct = size;
        population = records;
        takenAt = Instant.now();
        LOG.info(() -> String.format("frequency snapshot of %d records, %d distinct hashes, taken in %d ms",
                records, distinct, (System.nanoTime() - started) / 1_000_000));
        return records;
    }
}
