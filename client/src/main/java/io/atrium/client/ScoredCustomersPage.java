package io.atrium.client;

import java.io.Serializable;
import java.util.List;

/** A page of scored customers, highest current value first. */
public record ScoredCustomersPage(List<ScoredCustomer> customers, int page, int size, long total) implements Serializable {

    public record ScoredCustomer(String customerId, int currentValue, int potentialValue, String cell,
                                 int satisfaction, int loyalty, boolean atRisk) implements Serializable {
    }
}
