package io.atrium.web.api;

import io.atrium.hub.activity.ConnectorActivity;
import io.atrium.hub.deadletter.QueueDepths;
import io.atrium.hub.ingest.ResolverOutage;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Per source: items queued for resolution and items quarantined since the server started;
 * then the messages waiting for the resolver and parked in the dead-letter queue, and
 * whether the resolver is waiting out a transient failure.
 */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/connectors")
public class ConnectorResource {

    @EJB
    ConnectorActivity activity;

    @Inject
    QueueDepths queueDepths;

    @Inject
    ResolverOutage resolverOutage;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Connectors activity() {
        return new Connectors(activity.snapshot(), queueDepths.hubQueues(), resolverOutage.status());
    }

    public record Connectors(List<ConnectorActivity.SourceActivity> sources, List<QueueDepths.QueueDepth> queues,
                             ResolverOutage.Status resolver) {
    }
}
