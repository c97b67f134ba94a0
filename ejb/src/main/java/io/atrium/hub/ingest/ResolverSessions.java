package io.atrium.hub.ingest;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Checks {@code atrium.resolver.sessions}, the number of {@link ResolverConsumer} sessions resolving
 * batches in parallel. Any number is safe: each batch locks its records' blocking keys before reading
 * candidates, so records that could be compared resolve one after the other and the later one sees
 * the earlier ({@link io.atrium.hub.resolve.BlockingKeyLocks}). The consumer's annotation reads the
 * setting from system properties only (the {@code -P} file or {@code -D}), so a value given through
 * another configuration source, which the consumer would not see, stops the deployment with the reason.
 */
// Open to every caller: it has no business method; the container starts it.
@PermitAll
@Singleton
@Startup
public class ResolverSessions {

    static final String KEY = "atrium.resolver.sessions";
    private static final Logger LOG = Logger.getLogger(ResolverSessions.class.getName());

    @Inject
    @ConfigProperty(name = KEY)
    int sessions;

    @PostConstruct
    void check() {
        if (sessions < 1) {
            throw new IllegalStateException(KEY + "=" + sessions + ": the resolver needs at least one session");
        }
        int consumerSessions = Integer.parseInt(System.getProperty(KEY, "1"));
        if (consumerSessions != sessions) {
            throw new IllegalStateException(KEY + "=" + sessions + " is not a system property, and the resolver's consumer reads "
                    + "only those (it runs " + consumerSessions + "): set it in the -P file or with -D");
        }
        LOG.info(() -> "resolver sessions: " + sessions);
    }
}
