package io.atrium.hub.ingest;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolver's failures as the EJB container hands them over: the database's answer deep in the chain. */
class TransientFailuresTest {

    /** As the resolver sees a database error: driver < Hibernate < EJB container. */
    private static EJBException fromContainer(SQLException driver) {
        return new EJBTransactionRolledbackException("tx rolled back", new PersistenceException("could not execute", driver));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08003", "40001", "40P01", "57014", "55P03", "57P01", "53300",
            "HYT00", "90067", "90098", "90121", "90131"})
    void connectionLossTimeoutsDeadlocksAndSerializationFailuresAreTransient(String sqlState) {
        assertTrue(TransientFailures.isTransient(fromContainer(new SQLException("driver says", sqlState))), sqlState);
    }

    @ParameterizedTest
    @ValueSource(strings = {"22001", "23505", "23502", "42P01", "22P05", "22021"})
    void badDataAndSchemaErrorsAreNot(String sqlState) {
        assertFalse(TransientFailures.isTransient(fromContainer(new SQLException("driver says", sqlState))), sqlState);
    }

    @Test
    void aFullLockTableIsNeitherTransientNorBadDataButToldApart() {
        EJBException outOfLocks = fromContainer(new SQLException("out of shared memory", "53200"));
        assertFalse(TransientFailures.isTransient(outOfLocks));
        assertTrue(TransientFailures.isOutOfSharedMemory(outOfLocks));
        assertFalse(TransientFailures.isOutOfSharedMemory(fromContainer(new SQLException("driver says", "40P01"))));
    }

    @Test
    void theConnectionPoolFailingToHandOutAConnectionIsTransient() {
        // IronJacamar: the pool's ResourceException, the driver's refusal without an SQLState
        SQLException pool = new SQLException("IJ031084: Unable to create connection",
                new ResourceException("IJ000453: Unable to get managed connection"));
        assertTrue(TransientFailures.isTransient(fromContainer(pool)));
    }

    @Test
    void aTransactionRolledBackByTheTransactionManagerIsTransientOneRolledBackByAnErrorIsJudgedByTheError() {
        assertTrue(TransientFailures.isTransient(new EJBTransactionRolledbackException("timeout",
                new RollbackException("ARJUNA016102: The transaction is not active!"))));
        RollbackException flushFailed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        flushFailed.initCause(new PersistenceException(new SQLIntegrityConstraintViolationException("dup", "23505")));
        assertFalse(TransientFailures.isTransient(new EJBTransactionRolledbackException("commit", flushFailed)));
    }

    @Test
    void jdbcsTransientExceptionTypesCountWithoutAnSqlState() {
        assertTrue(TransientFailures.isTransient(fromContainer(new SQLTimeoutException("timed out"))));
    }

    @Test
    void aBatchUpdatesRealCauseIsFoundInItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "XX000", new int[0]);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertTrue(TransientFailures.isTransient(fromContainer(batch)));
    }

    @Test
    void applicationFailuresAreNot() {
        assertFalse(TransientFailures.isTransient(new EJBException(new NullPointerException())));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("cannot read queued message")));
    }

    @Test
    void describeNamesClassesAndSqlStatesButNotTheMessagesThatQuoteValues() {
        String described = TransientFailures.describe(fromContainer(
                new SQLException("Value too long for column: '张伟 13912345678'", "22001")));
        assertEquals("jakarta.ejb.EJBTransactionRolledbackException < jakarta.persistence.PersistenceException"
                + " < java.sql.SQLException [SQLState 22001]", described);
    }

    @Test
    void aCauseChainWithACycleEnds() {
        SQLException first = new SQLException("a", "22001");
        SQLException second = new SQLException("b", "22001");
        first.setNextException(second);
        second.setNextException(first);
        assertFalse(TransientFailures.isTransient(first));
    }
}
