package io.atrium.resolution.rows;

/**
 * Rows in PostgreSQL's COPY text format, as the hub's first load and the bench's seeder send them: values
 * separated by tabs, a newline after each row, SQL NULL as {@code \N}, and a backslash, tab, newline or
 * carriage return in a value escaped. Enums are written by name.
 */
public final class CopyText {

    private CopyText() {
    }

    /**
     * Appends one row to {@code out}, its values in column order.
     *
     * @throws IllegalArgumentException if a value holds a NUL character, which no PostgreSQL text column
     *                                  can store; the message names the column's position, not the value
     */
    public static void appendRow(StringBuilder out, Object... values) {
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                out.append('\t');
            }
            Object value = values[c];
            if (value == null) {
                out.append("\\N");
            } else {
                appendValue(out, value instanceof Enum<?> e ? e.name() : value.toString(), c);
            }
        }
        out.append('\n');
    }

    private static void appendValue(StringBuilder out, String value, int column) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> throw new IllegalArgumentException("value " + (column + 1)
                        + " of a COPY row holds a NUL character (U+0000), which PostgreSQL text cannot store");
                default -> out.append(ch);
            }
        }
    }
}
