package io.atrium.web.api;

import io.atrium.hub.operations.RouteAction;
import io.atrium.hub.operations.RouteCommand;
import io.atrium.hub.operations.RouteControl;
import io.atrium.hub.operations.RouteView;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The hub's Camel routes for operators: state, statistics, last error and exchanges per minute, beside the
 * resolver's timings; stop, start, suspend and resume one (with an optional reason), each audited. 404 for an
 * unknown route, 409 when the action does not apply to the route's state. The body is optional ({@link ActionReasons}).
 */
@RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
@RequestScoped
@Path("/routes")
@Produces(MediaType.APPLICATION_JSON)
public class RouteResource {

    private static final int MAX_LIMIT = 1000;
    @EJB
    RouteControl routes;

    @GET
    public RouteControl.Routes routes() {
        return routes.routes();
    }

    @GET
    @Path("/actions")
    public List<RouteAction.View> actions(@QueryParam("limit") @DefaultValue("100") int limit) {
        return routes.actions(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    @POST
    @Path("/{id}/stop")
    public RouteView stop(@PathParam("id") String id, String body) {
        return routes.control(id, RouteCommand.STOP, ActionReasons.optional(body));
    }

    @POST
    @Path("/{id}/start")
    public RouteView start(@PathParam("id") String id, String body) {
        return routes.control(id, RouteCommand.START, ActionReasons.optional(body));
    }

    @POST
    @Path("/{id}/suspend")
    public RouteView suspend(@PathParam("id") String id, String body) {
        return routes.control(id, RouteCommand.SUSPEND, ActionReasons.optional(body));
    }

    @POST
    @Path("/{id}/resume")
    public RouteView resume(@PathParam("id") String id, String body) {
        return routes.control(id, RouteCommand.RESUME, ActionReasons.optional(body));
    }
}
