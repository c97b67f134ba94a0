package io.atrium.hub.resolve;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes the guard row that creators of lock rows queue on ({@link BlockLockRows#GUARD}) when the hub
 * starts, before any batch is resolved (the resolver's consumer starts after the deployment).
 */
// Open to every caller: it has no business method; the container starts it.
@PermitAll
@Singleton
@Startup
public class BlockLockGuardStart {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @PostConstruct
    void ensureGuard() {
        if (em.find(BlockLock.class, BlockLockRows.GUARD) == null) {
            em.persist(new BlockLock(BlockLockRows.GUARD));
        }
    }
}
