package io.atrium.hub.events;

import io.atrium.client.ChangeEvent;
import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The changes a transaction recorded and has not announced yet (their positions still 0). */
@TransactionScoped
public class PendingChanges implements Serializable {

    private final List<ChangeEvent> pending = new ArrayList<>();

    void add(ChangeEvent event) {
        pending.add(event);
    }

    /** The pending changes in the order they were recorded; none are pending afterwards. */
    List<ChangeEvent> take() {
        List<ChangeEvent> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }
}
