package io.atrium.web.api;

import io.atrium.client.Explanation;
import io.atrium.client.SourceKey;
import io.atrium.hub.customer.CustomerDirectoryBean;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Why two records are, or are not, one customer: evidence and constraints, no personal values, so every hub role. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/explain")
@Produces(MediaType.APPLICATION_JSON)
public class ExplainResource {

    @EJB
    CustomerDirectoryBean customers;

    @GET
    public Explanation.Pair explain(@QueryParam("a") String a, @QueryParam("b") String b) {
        Explanation.Pair pair = customers.explain(SourceKey.parse(a), SourceKey.parse(b));
        if (pair == null) {
            throw new NotFoundException("no source record " + a + " or " + b);
        }
        return pair;
    }
}
