package io.atrium.hub.crosswalk;

import io.atrium.hub.security.HubRoles;
import io.atrium.resolution.crosswalk.CrosswalkCsv;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * The crosswalk of every stored source record to its customer, as CSV ({@link CrosswalkCsv}, the
 * shape {@code hub-match resolve} writes), streamed: rows are read through a forward-only cursor a
 * fetch at a time and written as they come, so memory does not grow with the number of records.
 * The read runs in this method's transaction, which PostgreSQL's driver needs to fetch by cursor
 * (with autocommit on it would read the whole result first).
 */
@Stateless
@RolesAllowed({HubRoles.APP, HubRoles.ADMIN})
public class CrosswalkExport {

    static final int FETCH_SIZE = 5_000;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    public void writeTo(OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try (Stream<Object[]> rows = em.createQuery(
                        "select r.source, r.sourceId, r.customerId from SourceRecord r order by r.id", Object[].class)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()) {
            writer.write(CrosswalkCsv.HEADER);
            for (Object[] row : (Iterable<Object[]>) rows::iterator) {
                writer.write(CrosswalkCsv.row((String) row[0], (String) row[1], (String) row[2]));
            }
            writer.flush();
        } catch (IOException e) {
            // the client went away: nothing to undo, the read only ends early
            throw new UncheckedIOException(e);
        }
    }
}
