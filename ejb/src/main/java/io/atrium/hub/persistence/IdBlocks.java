package io.atrium.hub.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Ids for rows written outside Hibernate, drawn from the entity's own sequence as Hibernate's pooled
 * optimizer draws them: each value V the sequence gives reserves the block V-49..V (the entities'
 * default allocation size, the sequence's increment). Blocks are drawn several at a time (a first load draws
 * thousands, a resolver batch what it needs), and whatever values the resolver's entities draw meanwhile stay
 * theirs: no id is ever used twice. Drawn with a query, so never while a COPY is open on the connection
 * (PostgreSQL's driver would wait for the COPY forever).
 */
public final class IdBlocks {

    /** The allocation size of the entities' {@code @GeneratedValue(strategy = SEQUENCE)}, Hibernate's default. */
    public static final int BLOCK = 50;
    /** The blocks a first load draws at once. */
    public static final int BLOCKS_FOR_A_LOAD = 2_000;

    private final PreparedStatement draw;
    private final Deque<Long> blocks = new ArrayDeque<>();
    private long next;
    private long last = -1;

    /** @param blocksPerDraw the blocks a draw takes from the sequence (its query, one statement) */
    public IdBlocks(Connection db, String sequence, int blocksPerDraw) throws SQLException {
        boolean postgresql = db.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        draw = db.prepareStatement(postgresql
                ? "select nextval('" + sequence + "') from generate_series(1, " + blocksPerDraw + ")"
                : "select next value for " + sequence + " from system_range(1, " + blocksPerDraw + ")");
    }

    /** The blocks that {@code count} ids take at least. */
    public static int blocksFor(int count) {
        return Math.max(1, (count + BLOCK - 1) / BLOCK);
    }

    /** The next {@code count} ids, drawn now. */
    public long[] take(int count) throws SQLException {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = next();
        }
        return ids;
    }

    private long next() throws SQLException {
        if (next > last) {
            // a draw of a new sequence may give no usable block: its first value is skipped
            while (blocks.isEmpty()) {
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
