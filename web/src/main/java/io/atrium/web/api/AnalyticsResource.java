package io.atrium.web.api;

import io.atrium.client.InvalidQueryException;
import io.atrium.client.RecomputeProgress;
import io.atrium.client.ScoreDistribution;
import io.atrium.client.ScoredCustomersPage;
import io.atrium.client.ValueMatrix;
import io.atrium.hub.analytics.CustomerAnalyticsBean;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The stored scores over all customers: the value matrix, satisfaction and loyalty distributions, scored customers by cell and risk, the full recompute. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/analytics")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    @EJB
    CustomerAnalyticsBean analytics;

    @GET
    @Path("/value-matrix")
    public ValueMatrix valueMatrix() {
        return analytics.valueMatrix();
    }

    @GET
    @Path("/distribution")
    public ScoreDistribution distribution() {
        return analytics.distribution();
    }

    @GET
    @Path("/customers")
    public ScoredCustomersPage customers(@QueryParam("cell") String cell, @QueryParam("atRisk") String atRisk,
                                         @QueryParam("page") String page, @QueryParam("size") String size)
            throws InvalidQueryException {
        PageParameters paging = PageParameters.of(page, size, CustomerAnalyticsBean.MAX_PAGE_SIZE);
        return analytics.customers(cell, BooleanParameter.of("atRisk", atRisk), paging.page(), paging.size());
    }

    @GET
    @Path("/recompute")
    public RecomputeProgress recomputeProgress() {
        return analytics.recomputeProgress();
    }

    /** 202: the recompute runs in the background; GET shows its progress. */
    @POST
    @RolesAllowed(HubRoles.ADMIN)
    @Path("/recompute")
    public Response recompute() {
        return Response.accepted(analytics.recompute()).build();
    }
}
