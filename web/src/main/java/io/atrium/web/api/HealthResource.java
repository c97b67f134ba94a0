package io.atrium.web.api;

import io.atrium.hub.health.HealthChecks;
import io.atrium.hub.health.HubHealth;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Health for probes and operators: 200 when UP or DEGRADED, 503 when a part is DOWN. No login. */
@PermitAll
@RequestScoped
@Path("/health")
public class HealthResource {

    @EJB
    HealthChecks checks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HubHealth health = checks.check();
        return Response.status(health.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(health).build();
    }
}
