package io.atrium.hub.ingest;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to deploy when {@code atrium.resolver.sessions} asks for other than the one resolver session
 * the {@link ResolverConsumer} runs (a setting earlier versions took), rather than ignore it. Two sessions resolving two records of one person at
 * the same time each look for candidates before the other has committed, so the two never meet and
 * stay two customers. Locking customers cannot prevent that (neither record has one yet): it needs
 * the records that share a blocking key serialized, which the hub does not do yet.
 */
// Open to every caller: it has no business method; the container starts it.
@PermitAll
@Singleton
@Startup
public class ResolverSessions {

    @Inject
    @ConfigProperty(name = "atrium.resolver.sessions")
    int sessions;

    @PostConstruct
    void refuseUnsafeSessions() {
        if (sessions != 1) {
            throw new IllegalStateException("atrium.resolver.sessions=" + sessions + " is not supported: the resolver runs one session, since with "
                    + "more two records of one person arriving together can miss each other. Remove the setting.");
        }
    }
}
