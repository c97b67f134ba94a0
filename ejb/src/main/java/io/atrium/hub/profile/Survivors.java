package io.atrium.hub.profile;

import io.atrium.client.CustomerStatus;
import io.atrium.hub.customer.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Where a customer id answers now: itself while active, else the customer it was merged into, followed to the end. */
@ApplicationScoped
public class Survivors {

    /** More merges in a row than any history makes; beyond it the pointers would run in a circle. */
    private static final int MAX_HOPS = 1_000;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** The active customer this id stands for, empty when there is no such customer. */
    public Optional<Customer> of(String customerId) {
        Customer customer = customerId == null ? null : em.find(Customer.class, customerId);
        for (int hop = 0; customer != null && customer.getStatus() == CustomerStatus.MERGED; hop++) {
            if (hop == MAX_HOPS) {
                throw new IllegalStateException("customer " + customerId + " points through " + MAX_HOPS + " merges without an end");
            }
            customer = em.find(Customer.class, customer.getMergedInto());
        }
        return Optional.ofNullable(customer);
    }
}
