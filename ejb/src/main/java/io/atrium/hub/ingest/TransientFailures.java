package io.atrium.hub.ingest;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Tells a failure that passes by itself (the database unreachable or restarting, a lock or
 * statement timeout, a deadlock or serialization failure, a transaction the transaction
 * manager timed out) from one the same input would cause again (bad data, a bug). Reads the
 * whole cause chain, since drivers, the connection pool, Hibernate and the EJB container
 * each wrap the database's answer.
 */
public final class TransientFailures {

    /** SQLState class 08: connection exception (refused, broken, closed), any driver. */
    private static final String CONNECTION_CLASS = "08";
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization failure; H2: deadlock
            "40P01", // PostgreSQL: deadlock detected
            "57014", // statement cancelled (statement_timeout); H2 too
            "55P03", // PostgreSQL: lock not available (lock_timeout)
            "57P01", "57P02", "57P03", // PostgreSQL: server shutting down, crashed, not yet accepting connections
            "53300", // PostgreSQL: too many connections
            "HYT00", // H2: lock timeout
            "90067", // H2: connection broken
            "90098", // H2: database closed
            "90121", // H2: database called at shutdown
            "90131"); // H2: concurrent update of a row
    /**
     * PostgreSQL: out of (shared) memory; from a resolver batch, its lock table full (max_locks_per_transaction):
     * the same batch would fail again, smaller ones take fewer locks.
     */
    private static final String OUT_OF_MEMORY = "53200";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return causes(failure).stream().anyMatch(TransientFailures::isTransientCause);
    }

    /** PostgreSQL ran out of shared memory, most often because its lock table is full: see {@link #OUT_OF_MEMORY}. */
    public static boolean isOutOfSharedMemory(Throwable failure) {
        return causes(failure).stream().anyMatch(cause -> cause instanceof SQLException sql && OUT_OF_MEMORY.equals(sql.getSQLState()));
    }

    /**
     * The chain's exception classes and SQLStates, outermost first, for logs and the
     * dead-letter queue: messages are left out, since drivers quote the values they refused.
     */
    public static String describe(Throwable failure) {
        StringJoiner chain = new StringJoiner(" < ");
        for (Throwable cause : causes(failure)) {
            String sqlState = cause instanceof SQLException sql && sql.getSQLState() != null
                    ? " [SQLState " + sql.getSQLState() + "]" : "";
            chain.add(cause.getClass().getName() + sqlState);
        }
        return chain.toString();
    }

    private static boolean isTransientCause(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith(CONNECTION_CLASS) || TRANSIENT_STATES.contains(sql.getSQLState()))) {
            return true;
        }
        return cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException
                // the connection pool could not hand out a connection: database down, pool exhausted
                || cause instanceof ResourceException
                || cause instanceof LockTimeoutException
                || cause instanceof PessimisticLockException
                || cause instanceof QueryTimeoutException
                || cause instanceof OptimisticLockException
                // rolled back by the transaction manager itself (a timeout), not because of an error of ours
                || cause instanceof RollbackException && cause.getCause() == null;
    }

    /** The cause chain, with the next exceptions a driver attaches to a batch failure; each once. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> ordered = new ArrayList<>();
        collect(failure, Collections.newSetFromMap(new IdentityHashMap<>()), ordered);
        return ordered;
    }

    private static void collect(Throwable failure, Set<Throwable> seen, List<Throwable> ordered) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            ordered.add(cause);
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                collect(sql.getNextException(), seen, ordered);
            }
        }
    }
}
