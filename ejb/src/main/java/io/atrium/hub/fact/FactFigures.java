package io.atrium.hub.fact;

import io.atrium.resolution.model.FactType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The few values of a fact that a customer's profile counts and sums, kept in columns of their own so that
 * the database aggregates them (the fact's data is JSON text, which H2 and PostgreSQL cannot sum alike).
 *
 * @param state  a contract's or lease's status, a unit's relation, OPEN or CLOSED for a work order or
 *               ticket, a membership's tier while active (ACTIVE when it states none) or CANCELLED, a
 *               points movement's event
 * @param amount a contract's total price, a lease's monthly rent, unpaid fees, a points balance
 * @param endsOn a lease's end
 * @param rating a work order's rating, a ticket's satisfaction (1..5)
 * @param category a ticket's category or a work order's type, upper case (COMPLAINT, REPAIR, INQUIRY, PRAISE)
 */
public record FactFigures(String state, BigDecimal amount, LocalDate endsOn, Integer rating, String category) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String ACTIVE = "ACTIVE";
    public static final String CANCELLED = "CANCELLED";

    public static FactFigures of(FactType type, Map<String, Object> data) {
        return switch (type) {
            case CONTRACT -> new FactFigures(text(data, "status"), decimal(data, "totalPrice"), null, null, null);
            case LEASE -> new FactFigures(text(data, "status"), decimal(data, "monthlyRent"), date(data, "endDate"), null, null);
            case UNIT -> new FactFigures(text(data, "relation"), null, null, null, null);
            case ARREARS -> new FactFigures(null, decimal(data, "amount"), null, null, null);
            case WORK_ORDER -> new FactFigures(openOrClosed(data), null, null, whole(data, "rating"), upper(data, "type"));
            case MEMBERSHIP -> new FactFigures(CANCELLED.equals(text(data, "status")) ? CANCELLED
                    : text(data, "tier") == null ? ACTIVE : text(data, "tier"), null, null, null, null);
            case POINTS -> new FactFigures(text(data, "event"), decimal(data, "balance"), null, null, null);
            case TICKET -> new FactFigures(openOrClosed(data), null, null, whole(data, "satisfaction"), upper(data, "category"));
        };
    }

    private static String openOrClosed(Map<String, Object> data) {
        return text(data, "closedAt") == null ? OPEN : CLOSED;
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }

    private static String upper(Map<String, Object> data, String key) {
        String value = text(data, key);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static BigDecimal decimal(Map<String, Object> data, String key) {
        Object value = data.get(key);
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        try {
            return value == null ? null : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(Map<String, Object> data, String key) {
        BigDecimal value = decimal(data, key);
        return value == null ? null : value.intValue();
    }

    private static LocalDate date(Map<String, Object> data, String key) {
        String value = text(data, key);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
