package io.atrium.hub.operations;

import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;
import java.util.List;

/**
 * One Camel route as operators see it.
 *
 * @param group                the connector's source (sales, leasing, property, membership, service, canonical) or
 *                             {@code internal}
 * @param state                {@code Started}, {@code Suspended} or {@code Stopped}
 * @param failing              its last exchange failed: the last failure is newer than the last success
 * @param lastError            the last failed exchange's exception class and message, personal data masked
 * @param perMinute            exchanges finished (succeeded or failed) in each of the last 60 minutes, oldest first;
 *                             the last is the current minute so far
 * @param totalProcessingMillis time spent in all finished exchanges
 */
// null fields are written too: clients find every field of the contract
@JsonbNillable
public record RouteView(String id, String group, String description, String state, boolean failing,
                        long exchangesTotal, long exchangesFailed, long inflight,
                        Instant lastSuccessAt, Instant lastErrorAt, String lastError, List<Integer> perMinute,
                        long meanProcessingMillis, long maxProcessingMillis, long totalProcessingMillis) {
}
