package io.atrium.web.api;

import io.atrium.hub.resolve.Rescoring;
import io.atrium.hub.resolve.ResolverStatus;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The resolver for operators: how long records take to resolve (percentiles over the latest ones) and
 * the frequency snapshot the matcher weighs values with. Recounting the snapshot (after a bulk load),
 * re-indexing the stored records (after an upgrade that changes standardization or blocking), re-scoring
 * the stored links (after a change of the match settings) and resetting the timings are for administrators.
 */
@RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
@RequestScoped
@Path("/resolver")
@Produces(MediaType.APPLICATION_JSON)
public class ResolverResource {

    @EJB
    ResolverStatus resolver;

    @GET
    public ResolverStatus.View status() {
        return resolver.view();
    }

    @POST
    @RolesAllowed(HubRoles.ADMIN)
    @Path("/frequencies/refresh")
    public ResolverStatus.View refreshFrequencies() {
        return resolver.refreshFrequencies();
    }

    /** 202: the re-index runs in the background; GET shows its progress. */
    @POST
    @RolesAllowed(HubRoles.ADMIN)
    @Path("/reindex")
    public Response reindex() {
        return Response.accepted(resolver.reindex()).build();
    }

    @GET
    @Path("/rescoring")
    public Rescoring.Progress rescoring() {
        return resolver.rescoring();
    }

    /** 202: the re-scoring runs in the background; GET shows its progress. */
    @POST
    @RolesAllowed(HubRoles.ADMIN)
    @Path("/rescoring")
    public Response rescore() {
        return Response.accepted(resolver.rescore()).build();
    }

    @POST
    @RolesAllowed(HubRoles.ADMIN)
    @Path("/timings/reset")
    public ResolverStatus.View resetTimings() {
        return resolver.resetTimings();
    }
}
