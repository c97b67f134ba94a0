package io.atrium.web.api;

import io.atrium.hub.load.FirstLoads;
import io.atrium.hub.load.LoadRefused;
import io.atrium.hub.load.LoadStatus;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.io.InputStream;
import java.util.List;

/**
 * First loads of the group's existing records: the body (canonical JSON Lines of any size) is streamed to disk,
 * then resolved in bulk and written in the background; its status shows the phase, progress and the time left.
 */
@RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
@RequestScoped
@Path("/loads")
@Produces(MediaType.APPLICATION_JSON)
public class LoadResource {

    @EJB
    FirstLoads loads;

    /** 202 with the load's status once the body is on disk; 409 while another load runs. */
    @POST
    @RolesAllowed(HubRoles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    public Response start(InputStream body, @Context UriInfo uri) {
        try {
            LoadStatus started = loads.start(body);
            return Response.accepted(started).location(uri.getAbsolutePathBuilder().path(started.id()).build()).build();
        } catch (LoadRefused refused) {
            return ApiError.answer(Response.Status.CONFLICT, refused.getMessage()).build();
        }
    }

    @GET
    public List<LoadStatus> list() {
        return loads.list();
    }

    @GET
    @Path("/{id}")
    public Response status(@PathParam("id") String id) {
        return loads.status(id).map(status -> Response.ok(status).build())
                .orElseGet(() -> ApiError.answer(Response.Status.NOT_FOUND, "no load " + id).build());
    }
}
