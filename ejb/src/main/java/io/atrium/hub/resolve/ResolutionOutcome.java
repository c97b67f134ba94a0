package io.atrium.hub.resolve;

import io.atrium.hub.customer.ChangeType;

import java.util.List;

/**
 * What resolving one record did: the customer it belongs to, the change, and the ids merged
 * away into that customer (empty unless the change is a merge).
 */
public record ResolutionOutcome(String customerId, ChangeType change, List<String> mergedCustomerIds) {

    public static ResolutionOutcome unchanged(String customerId) {
        return new ResolutionOutcome(customerId, null, List.of());
    }

    public boolean changed() {
        return change != null;
    }
}
