package io.atrium.hub.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Ids for rows written outside Hibernate, drawn from the entity's own sequence as Hibernate's pooled
 * optimizer draws them: each value V the sequence gives reserves the block V-49..V (the entities'
 * default allocation size, the sequence's increment). Blocks are drawn many at a time, and whatever
 * values the resolver draws meanwhile stay its own: no id is ever used twice. Drawn with a query, so
 * never while a COPY is open on the connection (PostgreSQL's driver would wait for the COPY forever).
 */
final class IdBlocks {

    /** The allocation size of the entities' {@code @GeneratedValue(strategy = SEQUENCE)}, Hibernate's default. */
    static final int BLOCK = 50;
    private static final int BLOCKS_PER_DRAW = 2_000;

    private final PreparedStatement draw;
    private final Deque<Long> blocks = new ArrayDeque<>();
    private long next;
    private long last = -1;

    IdBlocks(Connection db, String sequence) throws SQLException {
        boolean postgresql = db.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        draw = db.prepareStatement(postgresql
                ? "select nextval('" + sequence + "') from generate_series(1, " + BLOCKS_PER_DRAW + ")"
                : "select next value for " + sequence + " from system_range(1, " + BLOCKS_PER_DRAW + ")");
    }

    /** The next {@code count} ids, drawn now. */
    long[] take(int count) throws SQLException {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = next();
        }
        return ids;
    }

    private long next() throws SQLException {
        if (next > last) {
            if (blocks.isEmpty()) {
                try (ResultSet values = draw.executeQuery()) {
                    while (values.next()) {
                        long high = values.getLong(1);
                        if (high >= BLOCK) { // a first value below a block's size would reach below id 1
                            blocks.add(high);
                        }
                    }
                }
            }
            last = blocks.poll();
            next = last - BLOCK + 1;
        }
        return next++;
    }
}
