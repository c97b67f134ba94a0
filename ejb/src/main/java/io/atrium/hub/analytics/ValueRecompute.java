package io.atrium.hub.analytics;

import io.atrium.client.RecomputeProgress;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@code customer_value} current. A full recompute scores every active customer in chunks of
 * {@code atrium.analytics.chunk-size} (a transaction each) in the background; between the full runs, customers
 * whose facts or records changed are marked dirty after their transaction committed ({@link ValueRefresh},
 * {@link CustomerEventsListener}) and drained a few hundred per transaction, outside the resolver's work: on a
 * thread of their own ({@value #REFRESHES}, one thread, not the EJB or MDB pools the resolver uses), after
 * {@code atrium.analytics.refresh-delay-millis}, so that the changes arriving together (a burst of facts for one
 * customer) are one dirty entry, scored once. One writer at a time on this node (a lock the chunk and the drain
 * take in turn), so a chunk and a drain never replace the same row at once. Another node may still write a row the
 * drain writes (its full recompute, its first read of a customer): a drain that fails is retried, after
 * {@code refresh-delay-millis} doubled with each failure, up to {@value #DRAIN_RETRIES} times; the other writer
 * has committed by then, and the retry replaces its row with scores of the facts as they are then.
 */
// Open to every caller: the hub's own consumers and timers call it without a caller identity;
// users reach it only through role-checked beans.
@PermitAll
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// none of its own: the chunks have theirs, and the hooks call it after their transaction completed
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ValueRecompute {

    private static final Logger LOG = Logger.getLogger(ValueRecompute.class.getName());
    /** Customers scored per transaction by the drain. */
    static final int DRAIN_BATCH = 500;
    /** Retries of a failed drain before its customers wait for the next change (or full recompute). */
    static final int DRAIN_RETRIES = 4;
    /** The live refresh's own single-thread scheduler (configure-atrium.cli). */
    static final String REFRESHES = "java:jboss/ee/concurrency/scheduler/atrium-analytics";

    @EJB
    ValueChunk chunks;

    @Inject
    @ConfigProperty(name = "atrium.analytics.chunk-size")
    int chunkSize;

    /** Off: changes mark nothing, and scores change only by a full recompute (or a first read). */
    @Inject
    @ConfigProperty(name = "atrium.analytics.live-refresh")
    boolean liveRefresh;

    @Inject
    @ConfigProperty(name = "atrium.analytics.refresh-delay-millis")
    long refreshDelayMillis;

    @Resource(lookup = REFRESHES)
    ManagedScheduledExecutorService refreshes;

    @Resource
    SessionContext context;

    private final ReentrantLock writer = new ReentrantLock();
    private final Set<String> dirtyCustomers = ConcurrentHashMap.newKeySet();
    private final Set<Map.Entry<String, String>> dirtyRecords = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Failures since the last drain that went through (touched by the one drain thread only). */
    private int failedDrains;
    private volatile RecomputeProgress progress = new RecomputeProgress(false, 0, null, null, null, null, null);

    public RecomputeProgress progress() {
        return progress;
    }

    /** Starts a full recompute as of today (the group's date) unless one is running; returns at once. */
    public synchronized RecomputeProgress start() {
        if (!progress.running()) {
            progress = new RecomputeProgress(true, 0, today(), Instant.now(), null, null, null);
            context.getBusinessObject(ValueRecompute.class).run();
        }
        return progress;
    }

    @Asynchronous
    public void run() {
        RecomputeProgress started = progress;
        long customers = 0;
        try {
            String after = "";
            for (ValueChunk.Done done = chunk(after, started.asOf()); done.lastId() != null; done = chunk(after, started.asOf())) {
                customers += done.customers();
                after = done.lastId();
                progress = new RecomputeProgress(true, customers, started.asOf(), started.startedAt(), null,
                        perSecond(customers, started.startedAt()), null);
            }
            progress = new RecomputeProgress(false, customers, started.asOf(), started.startedAt(), Instant.now(),
                    perSecond(customers, started.startedAt()), null);
            LOG.info(String.format("value scores of %d customers recomputed", customers));
        } catch (RuntimeException e) {
            String failure = e.getCause() == null ? e.getClass().getName() : e.getClass().getName() + " caused by " + e.getCause().getClass().getName();
            progress = new RecomputeProgress(false, customers, started.asOf(), started.startedAt(), Instant.now(),
                    perSecond(customers, started.startedAt()), failure);
            LOG.log(Level.WARNING, "value recompute stopped after {0} customers: {1}", new Object[]{customers, failure});
        }
    }

    /** Whether changes are scored as they arrive ({@code atrium.analytics.live-refresh}). */
    public boolean live() {
        return liveRefresh;
    }

    /** Customers whose records changed (a merge, a split, a record linked): scored again, or their rows removed if merged away. */
    public void customersChanged(Collection<String> customerIds) {
        if (liveRefresh) {
            dirtyCustomers.addAll(customerIds);
            drainSoon();
        }
    }

    /** Source records ({@code source}, {@code sourceId}) whose facts changed: their customers are scored again. */
    public void recordsChanged(Collection<Map.Entry<String, String>> records) {
        if (liveRefresh) {
            dirtyRecords.addAll(records);
            drainSoon();
        }
    }

    /** Scores one customer now, in the caller's thread (a read of a customer not scored yet). */
    public void scoreNow(String customerId) {
        writer.lock();
        try {
            chunks.rescore(Set.of(customerId), Set.of(), today());
        } finally {
            writer.unlock();
        }
    }

    /**
     * Runs the work while no chunk or drain writes scores on this node: a segment's members selected in full (its
     * own transaction inside the work) never meet a drain updating one of its customers.
     */
    public <T> T exclusively(Supplier<T> work) {
        writer.lock();
        try {
            return work.get();
        } finally {
            writer.unlock();
        }
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) {
            refreshes.schedule(this::drain, refreshDelayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        boolean failed = false;
        long retryInMillis = -1;
        try {
            while (!dirtyCustomers.isEmpty() || !dirtyRecords.isEmpty()) {
                List<String> customers = take(dirtyCustomers);
                List<Map.Entry<String, String>> records = take(dirtyRecords);
                writer.lock();
                try {
                    chunks.rescore(customers, records, today());
                    failedDrains = 0;
                } catch (RuntimeException e) {
                    dirtyCustomers.addAll(customers);
                    dirtyRecords.addAll(records);
                    failed = true;
                    if (++failedDrains <= DRAIN_RETRIES) {
                        retryInMillis = refreshDelayMillis << failedDrains;
                    } else {
                        failedDrains = 0;
                    }
                    LOG.log(Level.WARNING, "scoring {0} changed customers failed ({1}), {2}", new Object[]{
                            customers.size() + records.size(), e.getClass().getName(), retryInMillis >= 0
                            ? "retried in " + retryInMillis + " ms"
                            : "left for the next change: " + DRAIN_RETRIES + " retries failed"});
                    return;
                } finally {
                    writer.unlock();
                }
            }
        } finally {
            if (retryInMillis >= 0) {
                // still draining: the changes marked meanwhile wait for the retry
                refreshes.schedule(this::drain, retryInMillis, TimeUnit.MILLISECONDS);
            } else {
                draining.set(false);
                // a change marked after the loop's last look and before the flag fell found the drain still running
                if (!failed && (!dirtyCustomers.isEmpty() || !dirtyRecords.isEmpty())) {
                    drainSoon();
                }
            }
        }
    }

    private ValueChunk.Done chunk(String after, LocalDate asOf) {
        writer.lock();
        try {
            return chunks.rescoreAfter(after, chunkSize, asOf);
        } finally {
            writer.unlock();
        }
    }

    private static <T> List<T> take(Set<T> dirty) {
        List<T> taken = new ArrayList<>();
        for (Iterator<T> it = dirty.iterator(); it.hasNext() && taken.size() < DRAIN_BATCH; ) {
            T item = it.next();
            it.remove();
            taken.add(item);
        }
        return taken;
    }

    private static Double perSecond(long customers, Instant startedAt) {
        long millis = Duration.between(startedAt, Instant.now()).toMillis();
        return customers == 0 ? null : customers * 1000.0 / Math.max(1, millis);
    }

    static LocalDate today() {
        return ValueModel.today();
    }
}
