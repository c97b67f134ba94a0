package io.atrium.hub.match;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upgrade step on H2 (the hub's default database), against the columns and the index Hibernate makes for
 * {@link MatchLink}: links of every review state stored without a priority, and one written by this version.
 */
class MissingLinkPrioritiesTest {

    private Connection connection;

    @BeforeEach
    void linksStoredBeforeThePriorityColumn() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:missing-link-priorities");
        try (Statement sql = connection.createStatement()) {
            sql.execute("create table match_link (id bigint primary key, score float(53) not null, priority float(53),"
                    + " review_state varchar(12))");
            sql.execute("create index ix_match_link_priority on match_link (review_state, priority desc, id)");
            sql.execute("insert into match_link values (1, 0.91, null, null), (2, 0.62, null, 'PENDING'),"
                    + " (3, 0.64, null, 'ACCEPTED'), (4, 0.66, null, 'REJECTED'), (5, 0.70, 0.35, 'PENDING')");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("drop all objects");
        }
        connection.close();
    }

    @Test
    void everyLinkWithoutAPriorityTakesItsScoreAndAWrittenPriorityStays() throws SQLException {
        assertEquals(4, MissingLinkPriorities.fill(connection));

        assertEquals(List.of("1 0.91", "2 0.62", "3 0.64", "4 0.66", "5 0.35"), rows("select id, priority from match_link order by id"));
    }

    @Test
    void aLinkOfTheLastStateLookedAtIsFoundToo() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("update match_link set priority = 0.5 where review_state is distinct from 'REJECTED'");
        }

        assertEquals(1, MissingLinkPriorities.fill(connection));
        assertEquals(List.of("4 0.66"), rows("select id, priority from match_link where review_state = 'REJECTED'"));
    }

    @Test
    void aSecondStartWritesNothing() throws SQLException {
        MissingLinkPriorities.fill(connection);

        assertEquals(0, MissingLinkPriorities.fill(connection));
    }

    @Test
    void aStartLooksForRowsToFillThroughTheQueueIndexNotByAScan() throws SQLException {
        for (String probe : List.of(MissingLinkPriorities.UNSTATED, MissingLinkPriorities.IN_STATE.replace("?", "'PENDING'"))) {
            String plan = String.join("\n", rows("explain " + probe));
            assertTrue(plan.contains("IX_MATCH_LINK_PRIORITY"), plan);
        }
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet read = sql.executeQuery(query)) {
            int columns = read.getMetaData().getColumnCount();
            while (read.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(read.getString(column));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
