package io.atrium.web.api;

import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.NativeFormats;
import io.atrium.hub.ingest.RecordIngestion;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.CanonicalMessage;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * Canonical party records from any system, as JSON Lines. Valid lines are durably queued
 * before the 202; invalid ones come back with their line number and reason.
 */
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
            return Response.status(Response.Status.BAD_REQUEST).entity(new ApiError("empty body: expected JSON Lines")).build();
        }
        List<CanonicalMessage> accepted = new ArrayList<>();
        List<IngestResult.RejectedLine> rejected = new ArrayList<>();
        String[] lines = body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                // the same mapping as the file drop: kind and ID type completed where the line omits them
                accepted.add(NativeFormats.map(InputFormat.CANONICAL_JSON, lines[i]));
            } catch (InvalidRecordException e) {
                rejected.add(new IngestResult.RejectedLine(i + 1, e.getMessage()));
            }
        }
        if (!accepted.isEmpty()) {
            ingestion.enqueue(accepted);
        }
        Response.Status status = accepted.isEmpty() ? Response.Status.BAD_REQUEST : Response.Status.ACCEPTED;
        return Response.status(status).entity(new IngestResult(accepted.size(), rejected.size(), rejected)).build();
    }
}
