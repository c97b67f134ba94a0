package io.atrium.hub.match;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Runs the upgrade step {@link MissingLinkPriorities} when the hub starts, so that links stored before
 * {@code match_link.priority} existed keep their former place in the review queue, ordered by priority. A re-scoring
 * pass ({@code POST /hub/api/resolver/rescoring}) then scores them with the review-priority settings, if any.
 */
// Open to every caller: it has no business method; the container starts it.
@PermitAll
@Singleton
@Startup
public class LinkPriorityStart {

    private static final Logger LOG = Logger.getLogger(LinkPriorityStart.class.getName());

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @PostConstruct
    void fillMissingPriorities() {
        try (Connection connection = dataSource.getConnection()) {
            int filled = MissingLinkPriorities.fill(connection);
            if (filled > 0) {
                LOG.info(() -> filled + " match links stored before review priorities took their score as priority");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot fill the priorities of match links stored before them", e);
        }
    }
}
