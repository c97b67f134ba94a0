package io.atrium.hub.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads of plain values in SQL on the caller's transaction's connection (the datasource hands out the one it has
 * enlisted), for the reads a resolver batch or record makes many of: through Hibernate, a native query has its result
 * mapped anew on every call, which cost about as much as the statement itself. Flushes nothing: callers read rows
 * their transaction has not changed unflushed.
 */
public final class PlainReads {

    /** Binds a statement's parameters, given the connection that makes its arrays. */
    public interface Binder {
        void bind(Connection db, PreparedStatement statement) throws SQLException;
    }

    /** Takes one row of a result, positioned on it. */
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private PlainReads() {
    }

    /** Runs the query and hands each row to the reader; {@code what} names the read in the failure. */
    public static void read(DataSource dataSource, String sql, Binder binder, RowReader reader, String what) {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            binder.bind(db, statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + what + " failed", e);
        }
    }
}
