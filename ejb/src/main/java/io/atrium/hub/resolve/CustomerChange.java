package io.atrium.hub.resolve;

import io.atrium.hub.customer.ChangeType;

import java.util.List;

/**
 * What one resolution or steward decision did to one customer.
 *
 * @param related the customers merged into this one, or those it split from or into
 */
public record CustomerChange(String customerId, ChangeType type, List<String> related) {

    public CustomerChange {
        related = List.copyOf(related);
    }
}
