package io.atrium.hub.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * Paces the resolver while its failures are transient (the database down or timing out):
 * after each one the next message waits, 1 s doubling up to a maximum, so an outage costs
 * one attempt per wait instead of a loop over the whole queue; the first success ends it.
 * The wait also bounds how long a server stop can be kept waiting by the resolver.
 */
@ApplicationScoped
public class ResolverOutage {

    @Inject
    @ConfigProperty(name = "atrium.resolver.outage.first-wait")
    long firstWaitMillis;

    @Inject
    @ConfigProperty(name = "atrium.resolver.outage.max-wait")
    long maxWaitMillis;

    private long consecutiveFailures;
    private long transientFailures;
    private Instant since;
    private Instant nextAttemptAt;
    private Instant recoveredAt;
    private String lastFailure;

    ResolverOutage() {
    }

    ResolverOutage(Duration firstWait, Duration maxWait) {
        this.firstWaitMillis = firstWait.toMillis();
        this.maxWaitMillis = maxWait.toMillis();
    }

    /** @param failure the chain's classes and SQLStates ({@link TransientFailures#describe}) */
    public synchronized void failed(String failure, Instant now) {
        if (consecutiveFailures == 0) {
            since = now;
        }
        consecutiveFailures++;
        transientFailures++;
        lastFailure = failure;
        long wait = firstWaitMillis << Math.min(consecutiveFailures - 1, 20);
        nextAttemptAt = now.plusMillis(Math.min(wait, maxWaitMillis));
    }

    public synchronized void succeeded(Instant now) {
        if (consecutiveFailures > 0) {
            consecutiveFailures = 0;
            since = null;
            nextAttemptAt = null;
            recoveredAt = now;
        }
    }

    /** How long the next attempt has to wait; zero when the resolver is not in an outage. */
    public synchronized Duration waitBefore(Instant now) {
        if (nextAttemptAt == null || !now.isBefore(nextAttemptAt)) {
            return Duration.ZERO;
        }
        return Duration.between(now, nextAttemptAt);
    }

    public synchronized Status status() {
        return new Status(consecutiveFailures > 0, since, consecutiveFailures, nextAttemptAt, recoveredAt,
                transientFailures, lastFailure);
    }

    /**
     * @param waiting            whether the last attempt failed transiently and the resolver is waiting to try again
     * @param since              when the current outage began
     * @param failures           transient failures in a row in the current outage
     * @param recoveredAt        when the last outage ended
     * @param transientFailures  transient failures since the server started
     * @param lastFailure        the last transient failure's classes and SQLStates
     */
    public record Status(boolean waiting, Instant since, long failures, Instant nextAttemptAt, Instant recoveredAt,
                         long transientFailures, String lastFailure) {
    }
}
