package io.atrium.hub.privacy;

import io.atrium.hub.audit.PersonalDataRead;
import io.atrium.hub.audit.ReadChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;

/** Writes the audit rows of unmasked reads ({@code personal_data_read}). */
@ApplicationScoped
public class AuditedReads {

    /**
     * A page's rows in one statement, one array per column that differs between rows: atomic in autocommit, without a
     * transaction of its own.
     */
    static final String INSERT_PAGE = "insert into personal_data_read (id, reader, customer_id, channel, read_at)"
            + " select r.id, cast(? as varchar(128)), r.customer_id, cast(? as varchar(8)), cast(? as timestamp(6) with time zone)"
            + " from unnest(?, ?) as r(id, customer_id)";

    private final SequenceBlocks ids = new SequenceBlocks("personal_data_read_seq");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** In the caller's transaction (a view read in one), or in one of its own when the caller has none. */
    @Transactional
    public void record(String reader, Collection<String> customerIds, ReadChannel channel) {
        Instant at = Instant.now();
        customerIds.forEach(customerId -> em.persist(new PersonalDataRead(reader, customerId, channel, at)));
    }

    /**
     * On the connection a search read its page on, in autocommit (the search has no transaction): the rows are
     * committed, synchronously, when this returns, before the caller hands out what was read.
     */
    public void record(Connection connection, String reader, Collection<String> customerIds, ReadChannel channel) throws SQLException {
        long[] rowIds = ids.take(connection, customerIds.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PAGE)) {
            insert.setString(1, reader);
            insert.setString(2, channel.name());
            insert.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
            insert.setArray(4, connection.createArrayOf("bigint", Arrays.stream(rowIds).boxed().toArray()));
            insert.setArray(5, connection.createArrayOf("varchar", customerIds.toArray()));
            insert.executeUpdate();
        }
    }
}
