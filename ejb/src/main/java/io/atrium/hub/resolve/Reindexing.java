package io.atrium.hub.resolve;

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
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-index for operators: every stored record standardized again from its payload and its hashes
 * rebuilt, in chunks of {@value #CHUNK} records each in its own transaction, in the background while
 * the resolver keeps running; the re-indexed records count toward the frequency snapshot's next
 * recount as changed ones (a whole re-index brings it at the next check). Needed after an upgrade that
 * changes standardization or adds a blocking rule: until then the records stored before it lack the
 * new keys and are not found as candidates by them. Links are not re-scored (a record's links are,
 * when the record changes).
 */
// Open to every caller: the hub's own routes, consumers and timers call it without a caller
// identity; users reach it only through role-checked beans.
@PermitAll
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Reindexing {

    static final int CHUNK = 500;
    private static final Logger LOG = Logger.getLogger(Reindexing.class.getName());

    /** @param failure why the last run stopped early: exception classes only (a message may quote record data) */
    public record Progress(boolean running, long records, Instant startedAt, Instant finishedAt, String failure) {
    }

    @EJB
    ReindexChunk chunks;

    @Inject
    FrequencySnapshot frequencies;

    @Resource
    SessionContext context;

    private volatile Progress progress = new Progress(false, 0, null, null, null);

    public Progress progress() {
        return progress;
    }

    /** Starts a run unless one is running; returns at once. */
    public synchronized Progress start() {
        if (!progress.running()) {
            progress = new Progress(true, 0, Instant.now(), null, null);
            context.getBusinessObject(Reindexing.class).run();
        }
        return progress;
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run() {
        Instant started = progress.startedAt();
        long records = 0;
        try {
            for (ReindexChunk.Done done = chunks.reindex(0, CHUNK); done.records() > 0; done = chunks.reindex(done.lastId(), CHUNK)) {
                records += done.records();
                progress = new Progress(true, records, started, null, null);
            }
            frequencies.recordsChanged(records);
            progress = new Progress(false, records, started, Instant.now(), null);
            LOG.info(String.format("re-index of %d records done", records));
        } catch (RuntimeException e) {
            String failure = e.getCause() == null ? e.getClass().getName() : e.getClass().getName() + " caused by " + e.getCause().getClass().getName();
            progress = new Progress(false, records, started, Instant.now(), failure);
            LOG.log(Level.WARNING, "re-index stopped after {0} records: {1}", new Object[]{records, failure});
        }
    }
}
