package io.atrium.client;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A change to the unified view: an entry of the changes feed, and the body of the message published
 * on the customer-events topic. A merge names the surviving customer and the ids merged into it; a
 * split the customers records moved between, so that downstream systems can re-point.
 *
 * @param position  the change's place in commit order: changes committed later have higher positions,
 *                  and positions are consecutive (a client stores the last it processed and asks for
 *                  what comes after it)
 * @param source    the record that caused the change, null for a steward's decision
 */
public record ChangeEvent(long position, String type, String customerId, List<String> relatedCustomerIds,
                          String source, String sourceId, Instant occurredAt) implements Serializable {
}
