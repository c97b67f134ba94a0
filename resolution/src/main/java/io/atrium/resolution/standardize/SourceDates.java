package io.atrium.resolution.standardize;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as the sources write them: yyyy-MM-dd, yyyy/M/d, yyyyMMdd and ISO date-times (the date as written). */
public final class SourceDates {

    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private SourceDates() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = ChineseText.toHalfWidth(text).trim();
        if (value.indexOf('T') > 0) {
            return parseDateTime(value);
        }
        Matcher m = YEAR_MONTH_DAY.matcher(value);
        if (!m.matches()) {
            m = COMPACT.matcher(value);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseDateTime(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toLocalDate());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value.endsWith("Z") ? value.substring(0, value.length() - 1) : value)
                        .toLocalDate());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
