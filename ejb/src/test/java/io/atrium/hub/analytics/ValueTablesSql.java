package io.atrium.hub.analytics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL against the value tables' H2 schema ({@code value-tables.sql}), for the tests of this package. */
final class ValueTablesSql {

    private ValueTablesSql() {
    }

    /** The first column of every row the query answers, as text. */
    static List<String> column(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static void execute(Connection db, String... sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
