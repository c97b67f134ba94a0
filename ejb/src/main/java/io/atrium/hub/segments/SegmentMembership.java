package io.atrium.hub.segments;

import io.atrium.hub.analytics.ScoresWritten;
import io.atrium.hub.analytics.ValueModel;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Keeps memberships current: whenever customers' scores are written (a fact, a merge or a split through the drain,
 * a chunk of the full recompute), their memberships are selected again from the new rows in the same transaction,
 * so scores and segments never disagree once committed.
 */
@ApplicationScoped
public class SegmentMembership {

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    void scoresWritten(@Observes ScoresWritten written) {
        try (Connection connection = dataSource.getConnection()) {
            SegmentTables tables = new SegmentTables(ValueModel.GROUP_ZONE);
            Map<String, SegmentRule> rules = tables.rules(connection);
            if (rules.isEmpty()) {
                return;
            }
            tables.refresh(connection, rules, written);
        } catch (SQLException e) {
            throw new IllegalStateException("updating segment memberships failed", e);
        }
    }
}
