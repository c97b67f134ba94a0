package io.atrium.web.api;

import io.atrium.client.InvalidQueryException;
import io.atrium.client.QualityHistory;
import io.atrium.client.QualityReport;
import io.atrium.hub.quality.DataQualityBean;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Data quality per source: the figures now, snapshots taken on demand, and their trend. No personal value. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/quality")
@Produces(MediaType.APPLICATION_JSON)
public class QualityResource {

    @EJB
    DataQualityBean quality;

    /** The figures computed now from the stored records (not the latest snapshot, which may be a day old). */
    @GET
    public QualityReport current() {
        return quality.current();
    }

    /** 201: the figures computed now, stored as a snapshot. */
    @POST
    @RolesAllowed(HubRoles.ADMIN)
    @Path("/snapshots")
    public Response takeSnapshot() {
        return Response.status(Response.Status.CREATED).entity(quality.takeSnapshot()).build();
    }

    /**
     * The stored snapshots of the period, oldest first.
     *
     * @param from an ISO-8601 time ({@code 2026-11-01T00:00:00Z}) or a date (from its start, UTC); none: from the first
     * @param to   a time or a date (to its end, UTC); none: to the last
     */
    @GET
    @Path("/history")
    public QualityHistory history(@QueryParam("source") String source, @QueryParam("from") String from,
                                  @QueryParam("to") String to) {
        return quality.history(source == null || source.isBlank() ? null : source.strip(),
                time("from", from, false), time("to", to, true));
    }

    /** A period's end from an ISO-8601 time or a date (a whole day, UTC): the history queries' {@code from} and {@code to}. */
    static Instant time(String parameter, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                Instant start = (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
                // the last microsecond of the day: the databases keep times to the microsecond
                return endOfDay ? start.minus(1, ChronoUnit.MICROS) : start;
            } catch (DateTimeParseException notADate) {
                throw new InvalidQueryException(parameter + " must be an ISO-8601 time (2026-11-01T00:00:00Z) or a date (2026-11-01)");
            }
        }
    }
}
