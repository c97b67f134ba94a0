package io.atrium.connectors.sales;

import java.time.LocalDateTime;

/**
 * How far a table has been read: the last row's `updated_at` and, for rows changed in the
 * same instant, its key. Rows are read in (updated_at, key) order strictly after it.
 */
public record Watermark(LocalDateTime updatedAt, String key) {

    /** Before any row a sales database can hold. */
    public static final Watermark START = new Watermark(LocalDateTime.of(1900, 1, 1, 0, 0), "");
    private static final String SEPARATOR = "|";

    public static Watermark parse(String text) {
        int at = text.indexOf(SEPARATOR);
        return new Watermark(LocalDateTime.parse(text.substring(0, at)), text.substring(at + 1));
    }

    /** This position, or the start of the given time when that comes first. */
    public Watermark notAfter(LocalDateTime cap) {
        return updatedAt.isAfter(cap) ? new Watermark(cap, "") : this;
    }

    public String format() {
        return updatedAt + SEPARATOR + key;
    }
}
