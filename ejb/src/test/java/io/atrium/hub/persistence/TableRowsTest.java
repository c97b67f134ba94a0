package io.atrium.hub.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk rows and ids (a first load's, a resolver batch's golden values) on the H2 the hub's H2 datasource runs (the JDBC batch side). */
class TableRowsTest {

    private Connection db;

    @BeforeEach
    void database() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:load;DB_CLOSE_DELAY=-1");
        try (Statement ddl = db.createStatement()) {
            // as Hibernate creates them for the entities
            ddl.execute("create table match_link_like (id bigint primary key, score float(53) not null, decision varchar(12),"
                    + " conflict boolean not null, scored_at timestamp(6) with time zone not null, suppressed_by bigint)");
            ddl.execute("create sequence match_link_like_seq start with 1 increment by 50");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("drop all objects");
        }
        db.close();
    }

    @Test
    void idsNeverMeetThoseHibernateDrawsMeanwhileAndRowsKeepTheirValues() throws SQLException {
        IdBlocks ids = new IdBlocks(db, "match_link_like_seq", IdBlocks.BLOCKS_FOR_A_LOAD);
        Set<Long> used = new HashSet<>();
        Instant at = Instant.parse("2026-11-30T20:00:00.123456Z");
        long[] drawn = ids.take(2_500);
        try (TableRows rows = TableRows.of(db, "match_link_like", "id", "score", "decision", "conflict", "scored_at", "suppressed_by")) {
            for (int i = 0; i < 2_500; i++) {
                long id = drawn[i];
                assertTrue(id >= 1 && used.add(id), "id " + id + " given twice or below 1");
                rows.row(id, 0.5 + i, io.atrium.resolution.match.Decision.MERGE, i % 2 == 0, at, null);
            }
            assertEquals(2_500, rows.written());
        }
        // the block Hibernate's pooled optimizer takes next: the 50 ids below the sequence's next value
        long hibernateHigh;
        try (Statement query = db.createStatement(); ResultSet next = query.executeQuery("select next value for match_link_like_seq")) {
            next.next();
            hibernateHigh = next.getLong(1);
        }
        for (long id = hibernateHigh - IdBlocks.BLOCK + 1; id <= hibernateHigh; id++) {
            assertTrue(!used.contains(id), "id " + id + " of Hibernate's next block was used by the load");
        }
        try (Statement query = db.createStatement();
             ResultSet stored = query.executeQuery("select count(*), count(distinct id), min(decision), max(scored_at), sum(case when conflict then 1 else 0 end) from match_link_like")) {
            stored.next();
            assertEquals(2_500, stored.getLong(1));
            assertEquals(2_500, stored.getLong(2));
            assertEquals("MERGE", stored.getString(3));
            assertEquals(at, stored.getObject(4, java.time.OffsetDateTime.class).toInstant());
            assertEquals(1_250, stored.getLong(5));
        }
    }

    @Test
    void aDrawOfAsFewBlocksAsNeededGivesIdsFromANewSequenceToo() throws SQLException {
        // a resolver batch draws the blocks its rows need; the new sequence's first value, 1, is no block
        IdBlocks ids = new IdBlocks(db, "match_link_like_seq", IdBlocks.blocksFor(3));
        Set<Long> used = new HashSet<>();
        for (long id : ids.take(3)) {
            assertTrue(id >= 1 && used.add(id), "id " + id + " given twice or below 1");
        }
        for (long id : new IdBlocks(db, "match_link_like_seq", IdBlocks.blocksFor(60)).take(60)) {
            assertTrue(id >= 1 && used.add(id), "id " + id + " given twice or below 1, or by another draw");
        }
        assertEquals(2, IdBlocks.blocksFor(60));
    }

    @Test
    void aTableWhoseColumnsDifferFromThoseWrittenIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TableRows.of(db, "match_link_like", "id", "score", "decision", "conflict", "scored_at"));
        assertTrue(refused.getMessage().contains("suppressed_by"), refused.getMessage());
    }
}
