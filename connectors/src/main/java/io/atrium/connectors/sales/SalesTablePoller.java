package io.atrium.connectors.sales;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.NativeFormats;
import io.atrium.connectors.common.ProgressStore;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of one sales table changed since its watermark, in (updated_at, key)
 * order, one batch per call. The caller runs the call in one transaction, so the batch's
 * delivery, its quarantined rows and the new watermark are kept together or not at all.
 */
public class SalesTablePoller {

    private final DataSource salesDatabase;
    private final ProgressStore progress;
    private final CanonicalSink sink;
    private final QuarantineSink quarantine;

    public SalesTablePoller(DataSource salesDatabase, ProgressStore progress, CanonicalSink sink, QuarantineSink quarantine) {
        this.salesDatabase = salesDatabase;
        this.progress = progress;
        this.sink = sink;
        this.quarantine = quarantine;
    }

    /** @return how many rows were taken; a full batch means more may be waiting */
    public int pollOnce(SalesTable table, int batchSize) {
        String progressKey = "sales:" + table.tableName();
        Watermark from = progress.load(progressKey).map(Watermark::parse).orElse(Watermark.START);
        List<Map<String, Object>> rows = readAfter(table, from, batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        List<CanonicalMessage> good = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            try {
                good.add(SalesRowMapper.map(table, row));
            } catch (InvalidRecordException e) {
                quarantine.quarantine(new RejectedInput("sales", table.format(),
                        table.tableName() + " " + table.keyColumn() + "=" + row.get(table.keyColumn()),
                        e.getMessage(), NativeFormats.rowAsJson(row)));
            }
        }
        if (!good.isEmpty()) {
            sink.deliver(good);
        }
        Map<String, Object> last = rows.get(rows.size() - 1);
        progress.save(progressKey, new Watermark((LocalDateTime) last.get("updated_at"),
                String.valueOf(last.get(table.keyColumn()))).format());
        return rows.size();
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
            throw new IllegalStateException("sales database cannot be read: " + e.getSQLState(), e);
        }
    }
}
