package io.atrium.hub.load;

import io.atrium.hub.analytics.ValueRecompute;
import io.atrium.hub.resolve.FrequencySnapshot;
import io.atrium.hub.resolve.GoldenRecords;
import io.atrium.hub.resolve.MatchEngine;
import io.atrium.hub.security.HubRoles;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.resolve.BulkResolver;
import io.atrium.resolution.resolve.Clustering;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
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

/**
 * First loads: the group's existing records, as canonical JSON Lines of any size, resolved with the engine's
 * bulk resolver (the hub's settings) and written into the hub's tables in bulk ({@link HubTables}), then the
 * frequency snapshot recounted, so that the hub goes on incrementally from what the load built.
 * <p>
 * The body is spooled to {@code atrium.load.directory} as it arrives (never held in memory), then the load
 * runs in the background, one at a time. Its tables are written in one database transaction: a load that fails
 * (a record already stored, the database refusing a value, the server stopping) leaves the hub as it was.
 * Records are resolved among themselves: records stored before the load are not linked to loaded ones
 * until one of the two changes (a first load goes into a hub without those systems' records). Loads are kept
 * in memory until the server restarts.
 */
@Singleton
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

    @Resource
    SessionContext context;

    private final Map<String, LoadProgress> loads = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicReference<String> running = new AtomicReference<>();

    /**
     * Takes the body to disk and starts the load in the background; refused while another load runs.
     * Returns once the body is spooled.
     */
    @RolesAllowed(HubRoles.ADMIN)
    public LoadStatus start(InputStream body) throws LoadRefused {
        String id = "L-" + UUID.randomUUID();
        if (!running.compareAndSet(null, id)) {
            throw new LoadRefused("load " + running.get() + " is running: one load at a time");
        }
        Path spool;
        try {
            Files.createDirectories(Path.of(directory));
            spool = Path.of(directory, id + ".jsonl");
            Files.copy(body, spool);
        } catch (IOException | RuntimeException e) {
            running.set(null);
            throw new UncheckedIOException(new IOException("the load's body could not be spooled to " + directory, e));
        }
        LoadProgress progress = new LoadProgress(id, spool.toFile().length());
        loads.put(id, progress);
        context.getBusinessObject(FirstLoads.class).run(progress, spool);
        return progress.status();
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

    /** The load itself, in the background; only {@link #start} calls it, through the container. */
    @Asynchronous
    @PermitAll
    public void run(LoadProgress progress, Path spool) {
        try {
            progress.phase(LoadPhase.READING);
            List<LoadFile.Loaded> records = LoadFile.read(spool, progress);
            progress.phase(LoadPhase.RESOLVING);
            Clustering clustering = new BulkResolver(engine.scorer())
                    .resolve(records.stream().map(LoadFile.Loaded::standardized).toList(), StewardConstraints.NONE);
            progress.resolved(records.size(), clustering.clusters().size());
            progress.phase(LoadPhase.WRITING);
            write(records, clustering, progress);
            progress.phase(LoadPhase.COUNTING);
            frequencies.refresh();
            values.start();
            progress.done();
            LOG.info(() -> String.format("first load %s: %d records, %d customers, %d lines rejected", progress.id(),
                    records.size(), clustering.clusters().size(), progress.status().rejected()));
        } catch (Exception e) {
            String failure = failure(e);
            progress.failed(failure);
            LOG.log(Level.WARNING, "first load {0} failed, nothing of it stored: {1}", new Object[]{progress.id(), failure});
        } finally {
            running.set(null);
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "spooled load {0} could not be deleted", spool);
            }
        }
    }

    /** All tables in one transaction of the datasource's own (outside JTA: no transaction timeout applies). */
    private void write(List<LoadFile.Loaded> records, Clustering clustering, LoadProgress progress) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                new HubTables(db, goldenRecords, progress).write(records, clustering);
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
