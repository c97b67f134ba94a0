package io.atrium.connectors.sales;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.FutureDatedSink;
import io.atrium.connectors.common.IntakeBatch;
import io.atrium.connectors.common.NativeFormats;
import io.atrium.connectors.common.ProgressStore;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.connectors.common.SourceClock;
import io.atrium.connectors.common.SourceValues;
import io.atrium.connectors.common.TakenVersions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of one sales table changed since its watermark, in (updated_at, key)
 * order, one batch per call. The caller runs the call in one transaction, so the batch's
 * delivery, its quarantined rows and the new watermark are kept together or not at all.
 * The stored watermark is capped at now minus the clock skew ({@link SourceClock}), so each
 * poll starts by reading again what changed within the skew; the batches of one poll follow
 * each other by the exact position of the last row read.
 */
public class SalesTablePoller {

    private final DataSource salesDatabase;
    private final ProgressStore progress;
    private final CanonicalSink sink;
    private final QuarantineSink quarantine;
    private final SourceClock sourceClock;
    private final FutureDatedSink futureDated;

    public SalesTablePoller(DataSource salesDatabase, ProgressStore progress, CanonicalSink sink, QuarantineSink quarantine,
                            SourceClock sourceClock, FutureDatedSink futureDated) {
        this.salesDatabase = salesDatabase;
        this.progress = progress;
        this.sink = sink;
        this.quarantine = quarantine;
        this.sourceClock = sourceClock;
        this.futureDated = futureDated;
    }

    /**
     * What one batch read: how many rows (a full batch means more may be waiting), the position of the
     * last, and the row versions it took (queued or quarantined), to be noted once the batch committed.
     */
    public record Batch(int read, Watermark last, List<TakenVersions.Taken> taken) {
    }

    /**
     * @param after        the position of the previous batch's last row in this poll; null for the first batch,
     *                     which starts at the stored watermark
     * @param alreadyTaken row versions taken before: read again within the clock skew, they are skipped
     */
    public Batch pollOnce(SalesTable table, Watermark after, int batchSize, TakenVersions alreadyTaken) {
        String progressKey = "sales:" + table.tableName();
        LocalDateTime cap = LocalDateTime.ofInstant(sourceClock.watermarkCap(), SourceValues.SOURCE_ZONE);
        // a watermark stored beyond the cap (by a version that trusted the source's clock) is pulled back
        Watermark from = after != null ? after
                : progress.load(progressKey).map(Watermark::parse).map(stored -> stored.notAfter(cap)).orElse(Watermark.START);
        List<Map<String, Object>> rows = readAfter(table, from, batchSize);
        if (rows.isEmpty()) {
            return new Batch(0, from, List.of());
        }
        IntakeBatch batch = new IntakeBatch("sales");
        List<TakenVersions.Taken> taken = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            String key = String.valueOf(row.get(table.keyColumn()));
            LocalDateTime updatedAt = (LocalDateTime) row.get("updated_at");
            if (alreadyTaken.contains(key, updatedAt.toString())) {
                continue;
            }
            Instant time = updatedAt.atZone(SourceValues.SOURCE_ZONE).toInstant();
            taken.add(new TakenVersions.Taken(key, updatedAt.toString(), time));
            if (sourceClock.isFutureDated(time)) {
                futureDated.futureDated("sales", table.tableName() + " " + table.keyColumn() + "=" + key + " updated_at=" + updatedAt);
            }
            batch.add(table.format(), table.tableName() + " " + table.keyColumn() + "=" + key,
                    () -> NativeFormats.rowAsJson(row), () -> SalesRowMapper.map(table, row));
        }
        batch.handOver(sink, quarantine);
        Map<String, Object> lastRow = rows.get(rows.size() - 1);
        Watermark last = new Watermark((LocalDateTime) lastRow.get("updated_at"), String.valueOf(lastRow.get(table.keyColumn())));
        progress.save(progressKey, last.notAfter(cap).format());
        return new Batch(rows.size(), last, taken);
    }

    /** JDBC's date types as java.time, so that a quarantined row keeps ISO text in its JSON. */
    private static Object portable(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return value;
    }

    private List<Map<String, Object>> readAfter(SalesTable table, Watermark from, int batchSize) {
        String sql = "SELECT * FROM " + table.tableName()
                + " WHERE updated_at > ? OR (updated_at = ? AND " + table.keyColumn() + " > ?)"
                + " ORDER BY updated_at, " + table.keyColumn();
        try (Connection connection = salesDatabase.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(batchSize);
            statement.setObject(1, from.updatedAt());
            statement.setObject(2, from.updatedAt());
            statement.setString(3, from.key());
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        String name = meta.getColumnLabel(column).toLowerCase(java.util.Locale.ROOT);
                        row.put(name, portable(result.getObject(column)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            // the SQLState names the failure without data; a refused connection has none
            throw new IllegalStateException("sales database cannot be read: "
                    + (e.getSQLState() == null ? "no connection" : "SQLState " + e.getSQLState()), e);
        }
    }
}
