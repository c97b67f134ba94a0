package io.atrium.hub.health;

/**
 * DEGRADED: every part works, but something waits for an operator or for a database to come
 * back (messages parked in the dead-letter queue, the resolver waiting out a transient
 * failure). Probes take it as up (HTTP 200): taking the node out would not help.
 */
public enum HealthStatus { UP, DEGRADED, DOWN }
