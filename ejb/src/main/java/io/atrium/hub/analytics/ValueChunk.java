package io.atrium.hub.analytics;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One transaction of score writing: a chunk of the full recompute, or a set of customers that changed. */
// Open to every caller: the hub's own consumers and timers call it without a caller identity;
// users reach it only through role-checked beans.
@PermitAll
@Stateless
public class ValueChunk {

    /** @param lastId the last active customer of the chunk, null when there was none after the one given */
    public record Done(int customers, String lastId) {
    }

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @Inject
    ValueSettings settings;

    /** Segment membership follows the rows written, in this transaction. */
    @Inject
    Event<ScoresWritten> written;

    /** Scores the next {@code size} active customers after {@code after} ("" for the first); after the last, removes what follows. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Done rescoreAfter(String after, int size, LocalDate asOf) {
        try (Connection connection = dataSource.getConnection()) {
            ValueTables tables = new ValueTables(settings);
            List<String> active = tables.activeCustomersAfter(connection, after, size);
            if (active.isEmpty()) {
                tables.removeAfter(connection, after);
                written.fire(ScoresWritten.range(asOf, after, null));
                return new Done(0, null);
            }
            tables.rescoreRange(connection, after, active, asOf, Instant.now());
            written.fire(ScoresWritten.range(asOf, after, active.get(active.size() - 1)));
            return new Done(active.size(), active.get(active.size() - 1));
        } catch (SQLException e) {
            throw new IllegalStateException("scoring customers failed", e);
        }
    }

    /** Scores these customers, and the customers of these source records, again; rows of customers merged away go. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rescore(Collection<String> customerIds, Collection<Map.Entry<String, String>> records, LocalDate asOf) {
        try (Connection connection = dataSource.getConnection()) {
            ValueTables tables = new ValueTables(settings);
            Set<String> customers = tables.customersOf(connection, records);
            customers.addAll(customerIds);
            int scored = tables.rescore(connection, customers, asOf, Instant.now());
            if (!customers.isEmpty()) {
                written.fire(ScoresWritten.of(asOf, List.copyOf(customers)));
            }
            return scored;
        } catch (SQLException e) {
            throw new IllegalStateException("scoring customers failed", e);
        }
    }
}
