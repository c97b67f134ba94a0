package io.atrium.hub.crosswalk;

import io.atrium.hub.customer.CrosswalkRow;
import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.security.HubRoles;
import io.atrium.resolution.crosswalk.CrosswalkCsv;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

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

    @Inject
    JpaSourceRecordRepository sourceRecords;

    public void writeTo(OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try (Stream<CrosswalkRow> rows = sourceRecords.crosswalk(FETCH_SIZE)) {
            writer.write(CrosswalkCsv.HEADER);
            for (CrosswalkRow row : (Iterable<CrosswalkRow>) rows::iterator) {
                writer.write(CrosswalkCsv.row(row.source(), row.sourceId(), row.customerId()));
            }
            writer.flush();
        } catch (IOException e) {
            // the client went away: nothing to undo, the read only ends early
            throw new UncheckedIOException(e);
        }
    }
}
