package io.atrium.web.api;

import io.atrium.client.InvalidQueryException;
import io.atrium.client.TimelinePage;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** A customer's timeline, page by page (a class of its own: its path is longer than CustomerResource's, so it wins). */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/customers/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTimelineResource {

    static final int DEFAULT_LIMIT = 50;

    @EJB
    CustomerDirectoryBean customers;

    @GET
    public TimelinePage timeline(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") String limit, @QueryParam("source") List<String> sources,
                                 @QueryParam("type") List<String> types) {
        TimelinePage page = customers.timeline(id, cursor, limit(limit), sources, types);
        if (page == null) {
            throw new NotFoundException("no customer " + id);
        }
        return page;
    }

    /** Read as text: JAX-RS answers 404 for a query parameter it cannot convert. */
    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("limit is not a whole number");
        }
    }
}
