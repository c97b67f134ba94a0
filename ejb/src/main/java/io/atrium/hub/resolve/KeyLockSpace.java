package io.atrium.hub.resolve;

import java.util.SortedSet;

/** Where {@link BlockingKeyLocks} takes a transaction's key locks: one place per database, chosen at start. */
interface KeyLockSpace {

    /** Locks these key hashes, in ascending order, until the transaction ends. */
    void lock(SortedSet<Long> hashes);
}
