package io.atrium.hub.changes;

import io.atrium.client.ChangeEvent;
import io.atrium.client.ChangesPage;
import io.atrium.hub.customer.CustomerEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * The changes feed for systems that poll: the announced changes of the customers' history by
 * position, which is commit order (see {@link io.atrium.hub.events.ChangeEvents}), so a client
 * that asks again with the last position it got misses and repeats nothing.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int MAX_LIMIT = 1000;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** At most {@code limit} (1 to {@value #MAX_LIMIT}) changes after the cursor, oldest first. */
    public ChangesPage after(long cursor, int limit) {
        List<ChangeEvent> changes = em.createQuery(
                        "select e from CustomerEvent e where e.feedPosition > :cursor order by e.feedPosition", CustomerEvent.class)
                .setParameter("cursor", cursor)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_LIMIT)))
                .getResultStream()
                .map(ChangeFeed::event)
                .toList();
        return new ChangesPage(changes, changes.isEmpty() ? cursor : changes.get(changes.size() - 1).position());
    }

    private static ChangeEvent event(CustomerEvent row) {
        return new ChangeEvent(row.getFeedPosition(), row.getType().name(), row.getCustomerId(), row.getRelatedCustomerIds(),
                row.getSource(), row.getSourceId(), row.getOccurredAt());
    }
}
