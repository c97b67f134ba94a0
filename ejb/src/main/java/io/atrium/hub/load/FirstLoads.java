package io.atrium.hub.load;

import io.atrium.hub.analytics.ValueRecompute;
import io.atrium.hub.polling.ElectedNode;
import io.atrium.hub.resolve.FrequencySnapshot;
import io.atrium.hub.resolve.GoldenRecords;
import io.atrium.hub.resolve.MatchEngine;
import io.atrium.hub.security.HubRoles;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.resolve.BulkResolver;
import io.atrium.resolution.resolve.Clustering;
import io.atrium.resolution.resolve.ConflictLearning;
import io.atrium.resolution.resolve.InMemoryFrequencies;
import io.atrium.resolution.standardize.StandardizedRecord;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * First loads: the group's existing records, as canonical JSON Lines of any size, resolved with the engine's
 * bulk resolver (the hub's settings) and written into the hub's tables in bulk ({@link HubTables}), then the
 * frequency snapshot recounted, so that the hub goes on incrementally from what the load built.
 * <p>
 * The body is spooled to {@code atrium.load.directory} as it arrives (never held in memory), then the load
 * runs in the background, one at a time; a file dropped into {@code atrium.load.inbox} is loaded the same way. Its tables are written in one database transaction: a load that fails
 * (a record already stored, the database refusing a value, the server stopping) leaves the hub as it was.
 * Records are resolved among themselves: records stored before the load are not linked to loaded ones
 * until one of the two changes (a first load goes into a hub without those systems' records). Loads are kept
 * in memory until the server restarts.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstLoads {

    /** Rejected lines kept with a load's status (all are counted). */
    public static final int REJECTIONS_KEPT = 1000;
    private static final Logger LOG = Logger.getLogger(FirstLoads.class.getName());

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @Inject
    MatchEngine engine;

    @Inject
    GoldenRecords goldenRecords;

    @Inject
    FrequencySnapshot frequencies;

    @EJB
    ValueRecompute values;

    @Inject
    @ConfigProperty(name = "atrium.load.directory")
    String directory;

    @Inject
    @ConfigProperty(name = "atrium.load.inbox")
    String inbox;

    @Inject
    @ConfigProperty(name = "atrium.load.inbox-poll-seconds")
    long inboxPollSeconds;

    @Resource
    SessionContext context;

    @Resource
    TimerService timers;

    private final Map<String, LoadProgress> loads = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicReference<String> running = new AtomicReference<>();

    @PostConstruct
    void watchInbox() {
        long period = Duration.ofSeconds(inboxPollSeconds).toMillis();
        timers.createIntervalTimer(period, period, new TimerConfig(null, false));
    }

    /**
     * Takes the body to disk and starts the load in the background; refused while another load runs.
     * Returns once the body is spooled.
     */
    @RolesAllowed(HubRoles.ADMIN)
    public LoadStatus start(InputStream body) throws LoadRefused {
        String id = newId();
        if (!running.compareAndSet(null, id)) {
            throw new LoadRefused("load " + running.get() + " is running: one load at a time");
        }
        Path spool = Path.of(directory, id + ".jsonl");
        try {
            Files.createDirectories(spool.getParent());
            Files.copy(body, spool);
        } catch (IOException | RuntimeException e) {
            // the client went away or the disk is full: nothing was loaded
            running.set(null);
            spool.toFile().delete();
            throw new UncheckedIOException(new IOException("the load's body could not be spooled to " + directory, e));
        }
        LoadProgress progress = new LoadProgress(id, spool.toFile().length());
        loads.put(id, progress);
        context.getBusinessObject(FirstLoads.class).runSpooled(progress, spool);
        return progress.status();
    }

    /**
     * A file dropped into the inbox and left unchanged for a poll's period is loaded from where it lies, in the
     * timer's thread, then moved to {@code .done/} or {@code .failed/} beside it (the load's status says why).
     * While another load runs, it waits for the next poll. On two nodes only the elected one takes the inbox, so that
     * a file is loaded once.
     */
    @Timeout
    @PermitAll
    void takeFromInbox() {
        if (!ElectedNode.isThisOne()) {
            return;
        }
        Optional<Path> dropped = settledInboxFile();
        String id = newId();
        if (dropped.isEmpty() || !running.compareAndSet(null, id)) {
            return;
        }
        Path file = dropped.get();
        LoadProgress progress = new LoadProgress(id, file.toFile().length());
        loads.put(id, progress);
        try {
            load(progress, file);
        } finally {
            running.set(null);
        }
        Path aside = file.resolveSibling(progress.status().state() == LoadState.DONE ? ".done" : ".failed")
                .resolve(file.getFileName());
        try {
            Files.createDirectories(aside.getParent());
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "loaded inbox file {0} could not be moved aside: {1}", new Object[]{file.getFileName(), e});
        }
    }

    /** The oldest {@code *.jsonl} in the inbox not modified for a poll's period (its writer is done with it). */
    private Optional<Path> settledInboxFile() {
        Path directory = Path.of(inbox);
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        long settledBefore = System.currentTimeMillis() - Duration.ofSeconds(inboxPollSeconds).toMillis();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(f))
                    .filter(f -> f.toFile().lastModified() < settledBefore)
                    .min(Comparator.comparingLong(f -> f.toFile().lastModified()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the load inbox could not be listed: {0}", e.toString());
            return Optional.empty();
        }
    }

    @RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
    public Optional<LoadStatus> status(String id) {
        return Optional.ofNullable(loads.get(id)).map(LoadProgress::status);
    }

    /** Every load since the server started, the latest first. */
    @RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
    public List<LoadStatus> list() {
        List<LoadStatus> all;
        synchronized (loads) {
            all = new ArrayList<>(loads.values().stream().map(LoadProgress::status).toList());
        }
        Collections.reverse(all);
        return all;
    }

    /** A posted load, in the background; only {@link #start} calls it, through the container. */
    @Asynchronous
    @PermitAll
    public void runSpooled(LoadProgress progress, Path spool) {
        try {
            load(progress, spool);
        } finally {
            running.set(null);
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "spooled load {0} could not be deleted", spool);
            }
        }
    }

    private void load(LoadProgress progress, Path file) {
        try {
            progress.phase(LoadPhase.READING);
            List<LoadFile.Loaded> records = LoadFile.read(file, progress);
            progress.phase(LoadPhase.RESOLVING);
            List<StandardizedRecord> latest = BulkResolver.latestPerKey(records.stream().map(LoadFile.Loaded::standardized).toList());
            // the frequencies the bulk resolver would take itself, kept to write the review pairs' priorities with
            ValueFrequencies loadFrequencies = InMemoryFrequencies.of(latest).withNamePrior();
            Clustering clustering = new BulkResolver(scorer(progress, latest, loadFrequencies))
                    .resolve(latest, StewardConstraints.NONE, loadFrequencies);
            progress.resolved(records.size(), clustering.clusters().size());
            progress.phase(LoadPhase.WRITING);
            write(records, clustering, loadFrequencies, progress);
            progress.phase(LoadPhase.COUNTING);
            frequencies.refresh();
            values.start();
            progress.done();
            LOG.info(() -> String.format("first load %s: %d records, %d customers, %d lines rejected; %s", progress.id(),
                    records.size(), clustering.clusters().size(), progress.status().rejected(), progress.phaseTimes()));
        } catch (Exception e) {
            String failure = failure(e);
            progress.failed(failure);
            LOG.log(Level.WARNING, "first load {0} failed, nothing of it stored: {1}", new Object[]{progress.id(), failure});
        }
    }

    /**
     * The engine's scorer, or, where the settings learn the weighed conflicts, one weighing those the loaded records show
     * to be slips, learned before they are resolved as {@code hub-match resolve} learns them from the same file, so that
     * the load's clusters are the command line's. The recount after the load learns from every stored record and makes
     * the set the hub's (for a load into an empty hub the same set: the same records, the same frequencies).
     */
    private Scorer scorer(LoadProgress progress, List<StandardizedRecord> latest, ValueFrequencies loadFrequencies) {
        if (!engine.learnsConflicts()) {
            return engine.scorer();
        }
        ConflictLearning.Learned learned = ConflictLearning.learn(latest, engine.scorer(), loadFrequencies);
        LOG.info(() -> String.format("first load %s: conflicts weighed, learned from its records (%d may count, %d pairs compared): %s",
                progress.id(), learned.records(), learned.pairsCompared(), learned.weighed()));
        return new Scorer(engine.settings().withWeighedConflicts(learned.weighed()));
    }

    private static String newId() {
        return "L-" + UUID.randomUUID();
    }

    /** All tables in one transaction of the datasource's own (outside JTA: no transaction timeout applies). */
    private void write(List<LoadFile.Loaded> records, Clustering clustering, ValueFrequencies frequencies, LoadProgress progress)
            throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                new HubTables(db, goldenRecords, progress).write(records, clustering, engine.reviewPriority(), frequencies);
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    /** Exception classes and SQLStates through the chain: database messages may quote a record's values. */
    private static String failure(Throwable e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!reason.isEmpty()) {
                reason.append(" caused by ");
            }
            reason.append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                reason.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return reason.toString();
    }
}
