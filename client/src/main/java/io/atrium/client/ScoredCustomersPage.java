package io.atrium.client;

import java.io.Serializable;
import java.util.List;

/** A page of scored customers, highest current value first. */
public record ScoredCustomersPage(List<ScoredCustomer> customers, int page, int size, long total) implements Serializable {

    /** @param riskReasons why it is at risk, as in {@link CustomerValueView#riskReasons()}; empty when not */
    public record ScoredCustomer(String customerId, int currentValue, int potentialValue, String cell,
                                 int satisfaction, int loyalty, boolean atRisk, List<String> riskReasons) implements Serializable {
    }
}
