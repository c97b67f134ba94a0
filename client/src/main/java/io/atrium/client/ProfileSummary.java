package io.atrium.client;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What each system knows of the customer, in figures: counted and summed by the database over the
 * customer's facts. Amounts are CNY. A section of a system with no fact of the customer holds zeros
 * and nulls.
 */
public record ProfileSummary(Sales sales, Leasing leasing, Property property, Membership membership,
                             Service service) implements Serializable {

    /** Purchase contracts: how many per status and the total price of the signed and of the reserved ones. */
    public record Sales(long contracts, long signed, long reserved, long cancelled,
                        BigDecimal signedAmount, BigDecimal reservedAmount) implements Serializable {
    }

    /** Leases: the active ones, their monthly rent together, the first and the last of their ends. */
    public record Leasing(long leases, long active, BigDecimal activeMonthlyRent,
                          LocalDate nextEnd, LocalDate lastEnd) implements Serializable {
    }

    /** Units with the customer's relation to each, unpaid property fees, work orders and their ratings. */
    public record Property(List<Unit> units, BigDecimal arrears, long workOrders, long openWorkOrders,
                           Double averageRating) implements Serializable {
    }

    /** A unit: project, building, unit number and relation (OWNER, FAMILY, TENANT). */
    public record Unit(String project, String building, String unit, String relation) implements Serializable {
    }

    /** The best tier among active memberships (null when none) and the points balance summed over them. */
    public record Membership(String tier, long activeMemberships, Long pointsBalance, long pointsMovements) implements Serializable {
    }

    /** Call-center tickets, the open ones, and the average satisfaction of those rated. */
    public record Service(long tickets, long openTickets, Double averageSatisfaction) implements Serializable {
    }
}
