package io.atrium.hub.profile;

import io.atrium.resolution.model.FactType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The customer's facts of one type and state, as the database counts them (JPQL constructor expression):
 * how many, their amounts summed, their first and last end, their ratings summed and how many are rated.
 */
public record FactTally(FactType type, String state, long count, BigDecimal amount, LocalDate firstEnd,
                        LocalDate lastEnd, long ratingSum, long rated) {

    /** As the aggregate query gives it: sums over no value are null. */
    public FactTally(FactType type, String state, Long count, BigDecimal amount, LocalDate firstEnd, LocalDate lastEnd,
                     Long ratingSum, Long rated) {
        this(type, state, count == null ? 0 : count, amount, firstEnd, lastEnd,
                ratingSum == null ? 0 : ratingSum, rated == null ? 0 : rated);
    }
}
