package io.atrium.web.api;

import io.atrium.hub.ingest.TransientFailures;
import io.atrium.hub.security.HubRoles;
import io.atrium.hub.steward.StewardViews;
import io.atrium.hub.steward.Stewardship;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
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
import java.util.function.Supplier;

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
    private static final int DECISION_ATTEMPTS = 3;

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
        return retried(() -> stewardship.accept(linkId, reasonOf(decision)));
    }

    @POST
    @Path("/reviews/{linkId}/reject")
    public StewardViews.ActionView reject(@PathParam("linkId") long linkId, Decision decision) {
        return retried(() -> stewardship.reject(linkId, reasonOf(decision)));
    }

    @POST
    @Path("/splits")
    public StewardViews.ActionView split(Split split) {
        if (split == null || split.source() == null || split.sourceId() == null) {
            throw new BadRequestException("give source, sourceId, block and reason");
        }
        return retried(() -> stewardship.split(split.source(), split.sourceId(), split.block(), split.reason()));
    }

    @POST
    @Path("/actions/{id}/undo")
    public StewardViews.ActionView undo(@PathParam("id") long id, Decision decision) {
        return retried(() -> stewardship.undo(id, reasonOf(decision)));
    }

    @GET
    @Path("/actions")
    public List<StewardViews.ActionView> actions(@QueryParam("limit") @DefaultValue("100") int limit) {
        return stewardship.actions(bounded(limit));
    }

    /**
     * A decision meets the resolver on the same customers; the database may pick it as a deadlock's
     * victim or time its lock out. That failure passes: the decision is tried again in a new
     * transaction, a few times, before the steward sees an error.
     */
    private static StewardViews.ActionView retried(Supplier<StewardViews.ActionView> decision) {
        for (int attempt = 1; ; attempt++) {
            try {
                return decision.get();
            } catch (EJBException e) {
                if (attempt == DECISION_ATTEMPTS || !TransientFailures.isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    private static String reasonOf(Decision decision) {
        return decision == null ? null : decision.reason();
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
