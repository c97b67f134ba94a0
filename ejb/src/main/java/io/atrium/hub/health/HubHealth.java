package io.atrium.hub.health;

import java.util.List;

/** The hub's health: overall, and per part (Camel context, each route, database, broker). */
public record HubHealth(HealthStatus status, Check camel, List<Check> routes, Check database, Check broker) {

    public record Check(String name, HealthStatus status, String detail) {
    }

    public boolean up() {
        return status == HealthStatus.UP;
    }
}
