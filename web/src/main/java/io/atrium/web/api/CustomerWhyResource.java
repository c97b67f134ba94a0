package io.atrium.web.api;

import io.atrium.client.Explanation;
import io.atrium.hub.customer.CustomerDirectoryBean;
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

/** Why each record of a customer belongs to it: evidence and decisions, no personal values, so every hub role. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/customers/{id}/why")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerWhyResource {

    @EJB
    CustomerDirectoryBean customers;

    @GET
    public Explanation.Customer why(@PathParam("id") String id) {
        Explanation.Customer why = customers.why(id);
        if (why == null) {
            throw new NotFoundException("no customer " + id);
        }
        return why;
    }
}
