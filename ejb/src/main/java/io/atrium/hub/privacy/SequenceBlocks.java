package io.atrium.hub.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids of one entity's rows written with SQL beside Hibernate, drawn from the entity's own sequence as Hibernate's
 * pooled optimizer draws them: each value V the sequence gives reserves the block V-49..V (the entities' default
 * allocation size, the sequence's increment), so neither ever uses an id the other drew. Shared by every caller; a
 * block is drawn on the connection of whoever runs out, one value (one round trip) per 50 ids.
 */
final class SequenceBlocks {

    /** The allocation size of the entities' {@code @GeneratedValue(strategy = SEQUENCE)}, Hibernate's default. */
    static final int BLOCK = 50;

    private final String sequence;
    /** The statement that draws a value, in the database's dialect: asked of the first connection that draws. */
    private String drawQuery;
    private long next;
    private long last = -1;

    SequenceBlocks(String sequence) {
        this.sequence = sequence;
    }

    /** The next {@code count} ids. */
    synchronized long[] take(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            if (next > last) {
                last = draw(connection);
                next = last - BLOCK + 1;
            }
            ids[i] = next++;
        }
        return ids;
    }

    private long draw(Connection connection) throws SQLException {
        if (drawQuery == null) {
            drawQuery = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                    ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
        }
        try (PreparedStatement statement = connection.prepareStatement(drawQuery)) {
            while (true) {
                try (ResultSet value = statement.executeQuery()) {
                    value.next();
                    long high = value.getLong(1);
                    if (high >= BLOCK) { // a first value below a block's size would reach below id 1
                        return high;
                    }
                }
            }
        }
    }
}
