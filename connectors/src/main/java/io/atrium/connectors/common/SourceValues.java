package io.atrium.connectors.common;

import io.atrium.resolution.model.InvalidRecordException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reading native field values with reasons an operator can act on. A reason names the
 * field and what is wrong with it, never the value: quarantine reasons are shown to
 * operators and logged, and values may be personal data.
 */
public final class SourceValues {

    /** The group's systems keep local times without an offset; they run on China Standard Time. */
    public static final ZoneId SOURCE_ZONE = ZoneId.of("Asia/Shanghai");

    private SourceValues() {
    }

    /** Trimmed text, or null when absent or blank. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public static String required(Object value, String field) {
        String text = text(value);
        if (text == null) {
            throw new InvalidRecordException(field + " is empty");
        }
        return text;
    }

    public static LocalDate date(Object value, DateTimeFormatter format, String field) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(field + " is not a date in the source's format");
        }
    }

    /** A local time of a source system, as an instant. */
    public static Instant localTime(Object value, String field) {
        if (value instanceof LocalDateTime time) {
            return time.atZone(SOURCE_ZONE).toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toLocalDateTime().atZone(SOURCE_ZONE).toInstant();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).atZone(SOURCE_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(field + " is not a date-time");
        }
    }

    /** An ISO-8601 date-time with offset, as the property API and the other systems send. */
    public static Instant offsetTime(Object value, String field) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(field + " is not an ISO-8601 date-time with offset");
        }
    }

    /** A decimal amount; thousands separators (`12,500.00`) are accepted. */
    public static BigDecimal decimal(Object value, String field) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidRecordException(field + " is not a number");
        }
    }

    /** Maps a coded value to its canonical name; an unknown code is a reason to reject. */
    public static <T> T coded(Object value, Map<String, T> codes, String field) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        T mapped = codes.get(text);
        if (mapped == null) {
            throw new InvalidRecordException(field + " has an unknown value; expected one of " + new TreeSet<>(codes.keySet()));
        }
        return mapped;
    }

    public static void addIfPresent(List<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }
}
