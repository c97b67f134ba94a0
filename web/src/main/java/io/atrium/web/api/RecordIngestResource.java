package io.atrium.web.api;

import io.atrium.hub.ingest.IngestResult;
import io.atrium.hub.ingest.RecordIngestion;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Canonical party records from any system, as JSON Lines. Valid lines are durably queued
 * before the 202; invalid ones come back with their line number and reason.
 */
@RolesAllowed({HubRoles.APP, HubRoles.ADMIN})
@RequestScoped
@Path("/ingest/records")
public class RecordIngestResource {

    @EJB
    RecordIngestion ingestion;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(String body) {
        if (body == null || body.isBlank()) {
            return ApiError.answer(Response.Status.BAD_REQUEST, "empty body: expected JSON Lines").build();
        }
        IngestResult result = ingestion.submit(body);
        Response.Status status = result.accepted() == 0 ? Response.Status.BAD_REQUEST : Response.Status.ACCEPTED;
        return Response.status(status).entity(result).build();
    }
}
