package io.atrium.hub.privacy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Concurrent callers' rows written together: each caller hands its rows over and returns only once a write holding
 * them has succeeded, or throws that write's failure. A caller that finds no write running writes every row waiting,
 * its own and those of the callers that arrived during the previous write, with its own {@link Write} (its own
 * connection); the others wait for it. N callers arriving together cost one statement and one commit, and no caller
 * returns before its rows are durable, however many share the write.
 */
final class GroupCommit<R> {

    /** Writes the rows of one or more callers, all or none (one statement, one commit). */
    @FunctionalInterface
    interface Write<R> {
        void write(List<R> rows) throws SQLException;
    }

    /** One caller's rows, and how the write that held them ended. */
    private static final class Pending<R> {
        final List<R> rows;
        boolean written;
        Exception failure;

        Pending(List<R> rows) {
            this.rows = rows;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writeEnded = lock.newCondition();
    private List<Pending<R>> waiting = new ArrayList<>();
    private boolean writing;

    /** Returns once {@code rows} are written, by this caller's {@code write} or by another caller's. */
    void commit(List<R> rows, Write<R> write) throws SQLException {
        Pending<R> mine = new Pending<>(rows);
        List<Pending<R>> batch;
        lock.lock();
        try {
            waiting.add(mine);
            while (writing && !mine.written) {
                writeEnded.awaitUninterruptibly();
            }
            if (mine.written) {
                outcome(mine);
                return;
            }
            writing = true;
            batch = waiting;
            waiting = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        Exception failure = new IllegalStateException("the write ended abruptly"); // an Error: none of them is written
        try {
            List<R> all = new ArrayList<>();
            batch.forEach(pending -> all.addAll(pending.rows));
            write.write(all);
            failure = null;
        } catch (SQLException | RuntimeException e) {
            failure = e;
        } finally {
            lock.lock();
            try {
                for (Pending<R> pending : batch) {
                    pending.written = true;
                    pending.failure = failure;
                }
                writing = false;
                writeEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
        outcome(mine);
    }

    /** Callers whose rows wait for the next write. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private static <R> void outcome(Pending<R> pending) throws SQLException {
        if (pending.failure instanceof SQLException e) {
            throw new SQLException("the write that held these rows failed", e);
        }
        if (pending.failure instanceof RuntimeException e) {
            throw new IllegalStateException("the write that held these rows failed", e);
        }
    }
}
