package io.atrium.web.api;

import io.atrium.hub.quarantine.Quarantine;
import io.atrium.hub.quarantine.QuarantineStatus;
import io.atrium.hub.quarantine.QuarantineView;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Quarantined source items for operators: list (personal data masked), replay, discard with a
 * reason ({@link ActionReasons#required}). Replay answers 200 when the item was queued, 422 when
 * it still fails (with the new reason), 409 when it was already closed.
 */
@RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
@RequestScoped
@Path("/quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    private static final int MAX_LIMIT = 1000;

    @EJB
    Quarantine quarantine;

    @GET
    public List<QuarantineView> list(@QueryParam("status") @DefaultValue("OPEN") QuarantineStatus status,
                                     @QueryParam("source") String source,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        return quarantine.list(status, source, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    @GET
    @Path("/{id}")
    public QuarantineView get(@PathParam("id") long id) {
        return quarantine.find(id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/replay")
    public Response replay(@PathParam("id") long id) {
        QuarantineView before = get(id);
        if (before.status() != QuarantineStatus.OPEN) {
            return Response.status(Response.Status.CONFLICT).entity(before).build();
        }
        QuarantineView after = quarantine.replay(id).orElseThrow(() -> notFound(id));
        return Response.status(after.status() == QuarantineStatus.REPLAYED ? 200 : 422).entity(after).build();
    }

    @POST
    @Path("/{id}/discard")
    public Response discard(@PathParam("id") long id, String body) {
        String reason = ActionReasons.required(body);
        QuarantineView before = get(id);
        if (before.status() != QuarantineStatus.OPEN) {
            return Response.status(Response.Status.CONFLICT).entity(before).build();
        }
        return Response.ok(quarantine.discard(id, reason).orElseThrow(() -> notFound(id))).build();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no quarantined item " + id);
    }
}
