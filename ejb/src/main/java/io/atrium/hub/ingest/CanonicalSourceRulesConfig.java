package io.atrium.hub.ingest;

import io.atrium.connectors.canonical.CanonicalSourceRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The canonical intake's rules from configuration: {@code atrium.canonical.writers.<source>=user1,user2}
 * binds a source name to the API users allowed to write it, {@code atrium.canonical.max-future-skew-seconds}
 * is how far ahead of the hub's clock a record's {@code updatedAt} may lie.
 */
@ApplicationScoped
public class CanonicalSourceRulesConfig {

    static final String WRITERS_PREFIX = "atrium.canonical.writers.";

    @Inject
    Config config;

    @Produces
    @Singleton
    CanonicalSourceRules rules() {
        Map<String, Set<String>> writers = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(WRITERS_PREFIX) && name.length() > WRITERS_PREFIX.length()) {
                String source = name.substring(WRITERS_PREFIX.length());
                config.getOptionalValue(name, String.class)
                        .map(users -> Arrays.stream(users.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                                .collect(Collectors.toSet()))
                        .filter(users -> !users.isEmpty())
                        .ifPresent(users -> writers.put(source, users));
            }
        }
        long skew = config.getValue("atrium.canonical.max-future-skew-seconds", Long.class);
        return new CanonicalSourceRules(writers, Duration.ofSeconds(skew), Clock.systemUTC());
    }
}
