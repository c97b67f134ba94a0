package io.atrium.web.api;

import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import io.atrium.hub.activity.ConnectorActivity;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Per source: items queued for resolution and items quarantined since the server started. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/connectors")
public class ConnectorResource {

    @EJB
    ConnectorActivity activity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ConnectorActivity.SourceActivity> activity() {
        return activity.snapshot();
    }
}
