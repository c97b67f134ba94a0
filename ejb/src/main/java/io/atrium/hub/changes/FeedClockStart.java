package io.atrium.hub.changes;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes the feed clock's one row when the hub starts on an empty database, before anything is
 * announced: were it written by the first announcement, two first announcements at once would
 * collide on its key and one of them roll back.
 */
// Open to every caller: it has no business method; the container starts it.
@PermitAll
@Singleton
@Startup
public class FeedClockStart {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @PostConstruct
    void ensureClock() {
        if (em.find(FeedClock.class, FeedClock.ID) == null) {
            em.persist(FeedClock.start());
        }
    }
}
