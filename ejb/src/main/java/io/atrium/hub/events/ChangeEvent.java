package io.atrium.hub.events;

import java.time.Instant;
import java.util.List;

/**
 * A change to the unified view, as published on the customer-events topic. A merge names the
 * surviving customer and the ids merged into it; a split the customers records moved between,
 * so that downstream systems can re-point.
 */
public record ChangeEvent(String type, String customerId, List<String> relatedCustomerIds,
                          String source, String sourceId, Instant occurredAt) {
}
