package io.atrium.hub.match;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The upgrade step that gives links stored before {@code match_link.priority} existed their score as priority. It
 * first looks for such a link per review state (and none): the state and the unset priority are the first two columns
 * of {@code ix_match_link_priority}, so each look is an index probe. Once they are filled (every writer of a link sets
 * its priority) a start costs those four probes and writes nothing; before, one update fills them all in one pass.
 */
final class MissingLinkPriorities {

    static final String UNSTATED = "select 1 from match_link where review_state is null and priority is null fetch first 1 rows only";
    static final String IN_STATE = "select 1 from match_link where review_state = ? and priority is null fetch first 1 rows only";
    private static final String FILL = "update match_link set priority = score where priority is null";

    private MissingLinkPriorities() {
    }

    /** Fills them; returns how many rows it wrote. */
    static int fill(Connection connection) throws SQLException {
        if (!anyUnset(connection)) {
            return 0;
        }
        try (Statement fill = connection.createStatement()) {
            return fill.executeUpdate(FILL);
        }
    }

    private static boolean anyUnset(Connection connection) throws SQLException {
        try (Statement unstated = connection.createStatement(); ResultSet found = unstated.executeQuery(UNSTATED)) {
            if (found.next()) {
                return true;
            }
        }
        try (PreparedStatement inState = connection.prepareStatement(IN_STATE)) {
            for (ReviewState state : ReviewState.values()) {
                inState.setString(1, state.name());
                try (ResultSet found = inState.executeQuery()) {
                    if (found.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
