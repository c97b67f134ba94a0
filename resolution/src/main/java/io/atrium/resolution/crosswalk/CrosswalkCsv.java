package io.atrium.resolution.crosswalk;

/**
 * The crosswalk from source records to customers as CSV, one row per (source, sourceId), the shape
 * both {@code hub-match resolve} and the hub's {@code GET /hub/api/crosswalk} write: RFC 4180, UTF-8,
 * LF line ends, a field quoted only when it holds a comma, a quote or a line break.
 */
public final class CrosswalkCsv {

    public static final String HEADER = "source,sourceId,customerId\n";

    private CrosswalkCsv() {
    }

    /** One row, its line end included. */
    public static String row(String source, String sourceId, String customerId) {
        return field(source) + "," + field(sourceId) + "," + field(customerId) + "\n";
    }

    private static String field(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
