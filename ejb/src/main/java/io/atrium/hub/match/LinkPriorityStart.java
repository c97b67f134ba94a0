package io.atrium.hub.match;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.logging.Logger;

/**
 * Gives links stored before {@code match_link.priority} existed their score as priority when the hub starts, so that
 * the review queue, ordered by priority, shows them in their former order. A re-scoring pass
 * ({@code POST /hub/api/resolver/rescoring}) then scores them with the review-priority settings, if any.
 */
// Open to every caller: it has no business method; the container starts it.
@PermitAll
@Singleton
@Startup
public class LinkPriorityStart {

    private static final Logger LOG = Logger.getLogger(LinkPriorityStart.class.getName());

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @PostConstruct
    void fillMissingPriorities() {
        int filled = em.createQuery("update MatchLink l set l.priority = l.score where l.priority is null").executeUpdate();
        if (filled > 0) {
            LOG.info(() -> filled + " match links stored before review priorities took their score as priority");
        }
    }
}
