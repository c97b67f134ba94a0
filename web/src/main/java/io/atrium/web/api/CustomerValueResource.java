package io.atrium.web.api;

import io.atrium.client.CustomerValueView;
import io.atrium.hub.analytics.CustomerAnalyticsBean;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A customer's value, satisfaction and loyalty scores with their reasons: no personal data, so every hub role. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/customers/{id}/value")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerValueResource {

    @EJB
    CustomerAnalyticsBean analytics;

    @GET
    public CustomerValueView value(@PathParam("id") String id) {
        CustomerValueView value = analytics.value(id);
        if (value == null) {
            throw new NotFoundException("no customer " + id);
        }
        return value;
    }
}
