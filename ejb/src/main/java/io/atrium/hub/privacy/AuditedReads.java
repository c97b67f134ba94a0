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
import java.util.List;

/** Writes the audit rows of unmasked reads ({@code personal_data_read}). */
@ApplicationScoped
public class AuditedReads {

    /**
     * The rows of one or more pages in one statement, one array per column that differs between rows: atomic in
     * autocommit, without a transaction of its own.
     */
    static final String INSERT_ROWS = "insert into personal_data_read (id, reader, customer_id, channel, read_at)"
            + " select r.id, r.reader, r.customer_id, r.channel, cast(? as timestamp(6) with time zone)"
            + " from unnest(?, ?, ?, ?) as r(id, reader, customer_id, channel)";

    /** One customer read whole. */
    private record Row(String reader, String customerId, ReadChannel channel) {
    }

    private final SequenceBlocks ids = new SequenceBlocks("personal_data_read_seq");
    private final GroupCommit<Row> pages = new GroupCommit<>();

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
     * committed, synchronously, when this returns, before the caller hands out what was read. Pages audited at the
     * same time share one statement and one commit ({@link GroupCommit}), on the connection of whichever of their
     * searches writes them; a page is in exactly one statement, so it is audited whole or not at all.
     */
    public void record(Connection connection, String reader, Collection<String> customerIds, ReadChannel channel) throws SQLException {
        List<Row> page = customerIds.stream().map(customerId -> new Row(reader, customerId, channel)).toList();
        pages.commit(page, rows -> insert(connection, rows));
    }

    private void insert(Connection connection, List<Row> rows) throws SQLException {
        long[] rowIds = ids.take(connection, rows.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ROWS)) {
            // the time the rows are written, just before the pages are handed out: one instant for the statement
            insert.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
            insert.setArray(2, connection.createArrayOf("bigint", Arrays.stream(rowIds).boxed().toArray()));
            insert.setArray(3, connection.createArrayOf("varchar", rows.stream().map(Row::reader).toArray()));
            insert.setArray(4, connection.createArrayOf("varchar", rows.stream().map(Row::customerId).toArray()));
            insert.setArray(5, connection.createArrayOf("varchar", rows.stream().map(row -> row.channel().name()).toArray()));
            insert.executeUpdate();
        }
    }
}
