package io.atrium.web.api;

import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import io.atrium.hub.steward.StewardViews;
import io.atrium.hub.steward.Stewardship;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Data stewards' decisions (role hub-admin): review pairs with their evidence, accept or reject one,
 * split a source record out of its customer (optionally blocking re-merges), undo, and the audit trail.
 * Every decision needs a reason; each answers with its audit entry (customers before and after).
 */
@RolesAllowed(HubRoles.ADMIN)
@RequestScoped
@Path("/steward")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StewardResource {

    private static final int MAX_LIMIT = 1000;

    /** The body of accept, reject and undo. */
    public record Decision(String reason) {
    }

    /** The body of a split. */
    public record Split(String source, String sourceId, boolean block, String reason) {
    }

    @EJB
    Stewardship stewardship;

    @GET
    @Path("/reviews")
    public List<StewardViews.ReviewPair> reviews(@QueryParam("limit") @DefaultValue("100") int limit) {
        return stewardship.pendingReviews(bounded(limit));
    }

    @POST
    @Path("/reviews/{linkId}/accept")
    public StewardViews.ActionView accept(@PathParam("linkId") long linkId, Decision decision) {
        return stewardship.accept(linkId, reasonOf(decision));
    }

    @POST
    @Path("/reviews/{linkId}/reject")
    public StewardViews.ActionView reject(@PathParam("linkId") long linkId, Decision decision) {
        return stewardship.reject(linkId, reasonOf(decision));
    }

    @POST
    @Path("/splits")
    public StewardViews.ActionView split(Split split) {
        if (split == null || split.source() == null || split.sourceId() == null) {
            throw new BadRequestException("give source, sourceId, block and reason");
        }
        return stewardship.split(split.source(), split.sourceId(), split.block(), split.reason());
    }

    @POST
    @Path("/actions/{id}/undo")
    public StewardViews.ActionView undo(@PathParam("id") long id, Decision decision) {
        return stewardship.undo(id, reasonOf(decision));
    }

    @GET
    @Path("/actions")
    public List<StewardViews.ActionView> actions(@QueryParam("limit") @DefaultValue("100") int limit) {
        return stewardship.actions(bounded(limit));
    }

    private static String reasonOf(Decision decision) {
        return decision == null ? null : decision.reason();
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
