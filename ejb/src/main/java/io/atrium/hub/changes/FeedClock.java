package io.atrium.hub.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last position given in the changes feed: one row, locked by each transaction that announces
 * changes, just before it commits. Holding it until the commit is what makes positions follow commit
 * order (see {@link io.atrium.hub.events.ChangeEvents#announce()}).
 */
@Entity
@Table(name = "change_feed_clock")
public class FeedClock {

    public static final long ID = 1;

    @Id
    private long id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    protected FeedClock() {
    }

    public static FeedClock start() {
        FeedClock clock = new FeedClock();
        clock.id = ID;
        return clock;
    }

    /** The next position; the clock holds it once the transaction commits. */
    public long next() {
        return ++lastPosition;
    }
}
