package io.atrium.hub.resolve;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;

import java.io.Serializable;

/**
 * What the resolver keeps for the length of a transaction ({@link State}), reached through one call of this bean's
 * proxy. Each part was a transaction-scoped bean of its own, and every call through such a proxy looks the transaction
 * and its context up again: at a few dozen calls a record that was about a twentieth of the resolver's CPU (a flight
 * recording of new records, 2026-12-04). The resolver takes the state once a call and works on the parts directly.
 */
@TransactionScoped
public class ResolverTransaction implements Serializable {

    /** The parts, each documented where it is defined; made at the transaction's first call. */
    public record State(StoredVersions storedVersions, BatchCandidates candidates, UnflushedRecords unflushed,
                        StandardizedForms forms, BatchGoldenRecords goldenRecords, UsableKeys usableKeys)
            implements Serializable {
    }

    @Inject
    MatchEngine engine;

    private State state;

    public State state() {
        if (state == null) {
            state = new State(new StoredVersions(), new BatchCandidates(), new UnflushedRecords(), new StandardizedForms(),
                    new BatchGoldenRecords(), new UsableKeys(engine));
        }
        return state;
    }
}
