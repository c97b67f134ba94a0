package io.atrium.hub.resolve;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Chooses where key locks are taken ({@link BlockingKeyLocks#start}) when the hub starts, before any batch is
 * resolved (the resolver's consumer starts after the deployment).
 */
// Open to every caller: it has no business method; the container starts it.
@PermitAll
@Singleton
@Startup
public class KeyLockStart {

    @Inject
    BlockingKeyLocks keyLocks;

    @PostConstruct
    void start() {
        keyLocks.start();
    }
}
