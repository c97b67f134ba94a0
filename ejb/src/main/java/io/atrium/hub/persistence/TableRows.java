package io.atrium.hub.persistence;

import io.atrium.resolution.rows.CopyText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows written in bulk into one of the hub's tables, in the caller's transaction: COPY on PostgreSQL,
 * JDBC batches elsewhere (H2). A first load writes its tables so, a resolver batch its records' hashes and new
 * golden values. The columns named must be exactly the table's, so that an entity that gains a column fails the
 * write instead of leaving the column empty; checked once a table while the hub runs (its schema changes only with a
 * deployment).
 */
public abstract sealed class TableRows implements AutoCloseable permits TableRows.Copy, TableRows.Batch {

    protected final List<String> columns;
    private long written;

    /** The table and columns found as written, once each. */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private TableRows(Connection db, String table, List<String> columns) throws SQLException {
        this.columns = columns;
        String checked = table + columns;
        if (CHECKED.contains(checked)) {
            return;
        }
        Set<String> actual = new LinkedHashSet<>();
        try (PreparedStatement query = db.prepareStatement("select lower(column_name) from information_schema.columns "
                + "where lower(table_name) = ? and lower(table_schema) = lower(current_schema())")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    actual.add(rs.getString(1));
                }
            }
        }
        if (!actual.equals(Set.copyOf(columns))) {
            throw new IllegalStateException("table " + table + " has columns " + actual + ", the hub writes " + columns);
        }
        CHECKED.add(checked);
    }

    /** The rows of a table on this connection's database. */
    public static TableRows of(Connection db, String table, String... columns) throws SQLException {
        return db.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                ? new Copy(db, table, List.of(columns)) : new Batch(db, table, List.of(columns));
    }

    /** One row, its values in the order of the columns; null is SQL NULL. */
    public final void row(Object... values) throws SQLException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        write(values);
        written++;
    }

    public final long written() {
        return written;
    }

    protected abstract void write(Object[] values) throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    /** PostgreSQL's COPY in its text format, sent in chunks of about a megabyte. */
    static final class Copy extends TableRows {
        private static final int FLUSH = 1 << 20;
        private final org.postgresql.copy.CopyIn copy;
        // grows to a chunk as rows come: a resolver batch writes a few thousand short rows, a first load millions
        private final StringBuilder buffer = new StringBuilder(8192);

        private Copy(Connection db, String table, List<String> columns) throws SQLException {
            super(db, table, columns);
            copy = db.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin");
        }

        @Override
        protected void write(Object[] values) throws SQLException {
            CopyText.appendRow(buffer, values);
            if (buffer.length() >= FLUSH) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    /** Prepared inserts sent {@value #BATCH} rows at a time. */
    static final class Batch extends TableRows {
        private static final int BATCH = 1000;
        private final PreparedStatement insert;
        private int pending;

        private Batch(Connection db, String table, List<String> columns) throws SQLException {
            super(db, table, columns);
            insert = db.prepareStatement("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")");
        }

        @Override
        protected void write(Object[] values) throws SQLException {
            for (int c = 0; c < values.length; c++) {
                Object value = values[c];
                insert.setObject(c + 1, value instanceof Instant at ? at.atOffset(ZoneOffset.UTC)
                        : value instanceof Enum<?> e ? e.name() : value);
            }
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try (insert) {
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }
}
