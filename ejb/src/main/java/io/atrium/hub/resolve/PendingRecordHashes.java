package io.atrium.hub.resolve;

import io.atrium.hub.match.RecordHash;
import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The hashes a transaction has given its records and not written yet ({@link RecordHashes#writePending}). */
@TransactionScoped
public class PendingRecordHashes implements Serializable {

    private List<RecordHash> rows = new ArrayList<>();

    void addAll(List<RecordHash> added) {
        rows.addAll(added);
    }

    /** The pending rows, now no longer pending. */
    List<RecordHash> take() {
        List<RecordHash> taken = rows;
        rows = new ArrayList<>();
        return taken;
    }
}
