package io.atrium.hub.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that must follow a transaction only if it commits: figures of what it did, hand-overs of what it changed. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs the work once the caller's transaction committed (never when it rolls back), or at once without one. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable work) {
        if (transactions.getTransactionKey() == null) {
            work.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}
