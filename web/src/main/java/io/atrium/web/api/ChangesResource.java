package io.atrium.web.api;

import io.atrium.client.ChangesPage;
import io.atrium.hub.customer.CustomerDirectoryBean;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The changes feed, for systems that poll instead of subscribing to the topic. */
@RolesAllowed({HubRoles.APP, HubRoles.ADMIN})
@RequestScoped
@Path("/customers/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangesResource {

    @EJB
    CustomerDirectoryBean customers;

    /**
     * The changes committed after the cursor (the {@code next} of the previous page, or a change
     * event's {@code position}; 0 for the start), oldest first.
     */
    @GET
    public ChangesPage changes(@QueryParam("after") @DefaultValue("0") String after,
                               @QueryParam("limit") @DefaultValue("100") int limit) {
        return customers.changes(cursor(after), limit);
    }

    private static long cursor(String after) {
        try {
            long cursor = Long.parseLong(after.strip());
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new BadRequestException("after must be a position of the changes feed: a whole number, 0 or more");
    }
}
