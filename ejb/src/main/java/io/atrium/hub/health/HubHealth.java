package io.atrium.hub.health;

import io.atrium.hub.deadletter.QueueDepths.QueueDepth;
import io.atrium.hub.ingest.ResolverOutage;

import java.util.List;

/**
 * The hub's health: overall, and per part (Camel context, each route, database, broker),
 * with the messages waiting in the resolver's queue and parked in the dead-letter queue, and
 * whether the resolver is waiting out a transient failure.
 */
public record HubHealth(HealthStatus status, Check camel, List<Check> routes, Check database, Check broker,
                        List<QueueDepth> queues, ResolverOutage.Status resolver) {

    public record Check(String name, HealthStatus status, String detail) {
    }

    /** For probes: DEGRADED is up. */
    public boolean up() {
        return status != HealthStatus.DOWN;
    }
}
