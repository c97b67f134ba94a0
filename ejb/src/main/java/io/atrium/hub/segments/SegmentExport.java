package io.atrium.hub.segments;

import io.atrium.hub.security.HubRoles;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A segment's members with their scores as CSV, streamed: read through a forward-only cursor a fetch at a time and
 * written as they come, in this method's transaction (PostgreSQL's driver fetches by cursor only inside one).
 * Ids and scores only: no field needs quoting.
 */
@Stateless
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
public class SegmentExport {

    static final String HEADER = "customerId,currentValue,potentialValue,cell,satisfaction,loyalty,atRisk\n";
    private static final int FETCH_SIZE = 5_000;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    public void writeTo(String segment, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        // scalars, not entities: the persistence context does not grow with the segment
        try (Stream<Object[]> members = em.createQuery("select v.customerId, v.currentValue, v.potentialValue, v.cell,"
                        + " v.satisfaction, v.loyalty, v.atRisk from CustomerValue v, SegmentMember m"
                        + " where m.customerId = v.customerId and m.segment = :segment order by v.customerId", Object[].class)
                .setParameter("segment", segment)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()) {
            writer.write(HEADER);
            for (Object[] member : (Iterable<Object[]>) members::iterator) {
                writer.write(Stream.of(member).map(String::valueOf).collect(Collectors.joining(",", "", "\n")));
            }
            writer.flush();
        } catch (IOException e) {
            // the client went away: nothing to undo, the read only ends early
            throw new UncheckedIOException(e);
        }
    }
}
