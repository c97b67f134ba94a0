package io.atrium.hub.resolve;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SortedSet;

/**
 * PostgreSQL's key locks: transaction-level advisory locks on the hashes ({@code pg_advisory_xact_lock(bigint)}),
 * all of a batch's in one statement. They live in PostgreSQL's lock table, not in rows: nothing is written, and no
 * lock needs a row created first. They are released at the commit or rollback, and a prepared XA transaction keeps
 * them until it is committed or rolled back (its recovery included).
 * <p>
 * The hub takes no other advisory lock. The single-bigint form has a key space of its own (a lock on two int keys
 * never conflicts with it), so anything else that needs one should take the two-int form.
 */
@ApplicationScoped
public class AdvisoryKeyLocks implements KeyLockSpace {

    /**
     * With an ORDER BY, PostgreSQL computes a volatile output expression on the sorted rows (since 9.6), and a
     * subquery with an ORDER BY and a volatile output is neither flattened nor pruned: the locks are taken in
     * ascending order, so two batches sharing keys cannot deadlock over them.
     */
    private static final String LOCK_IN_ORDER =
            "select count(*) from (select pg_advisory_xact_lock(k) from unnest(?::bigint[]) k order by k) l";

    // the connection of the transaction (the pool hands out the one enlisted in it), as Hibernate's statements use
    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @Override
    public void lock(SortedSet<Long> hashes) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LOCK_IN_ORDER)) {
            statement.setArray(1, connection.createArrayOf("bigint", hashes.toArray()));
            try (ResultSet locked = statement.executeQuery()) {
                locked.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("taking " + hashes.size() + " key locks failed", e);
        }
    }
}
