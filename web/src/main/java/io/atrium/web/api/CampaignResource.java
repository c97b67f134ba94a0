package io.atrium.web.api;

import io.atrium.client.CampaignMembersPage;
import io.atrium.client.CampaignRequest;
import io.atrium.client.CampaignResults;
import io.atrium.client.CampaignView;
import io.atrium.hub.campaigns.CampaignReturnsBean;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Campaigns recorded against segments, their targeted and held-out members, and their return. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @EJB
    CampaignReturnsBean campaigns;

    @GET
    public List<CampaignView> campaigns() {
        return campaigns.campaigns();
    }

    /** 201: recorded, its holdout drawn. */
    @POST
    @RolesAllowed(HubRoles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(CampaignRequest request) {
        return Response.status(Response.Status.CREATED).entity(campaigns.record(request)).build();
    }

    @GET
    @Path("/{id}")
    public CampaignView campaign(@PathParam("id") String id) {
        return found(id, campaigns.campaign(id(id)));
    }

    @GET
    @Path("/{id}/members")
    public CampaignMembersPage members(@PathParam("id") String id, @QueryParam("heldOut") String heldOut,
                                       @QueryParam("page") String page, @QueryParam("size") String size) {
        PageParameters paging = PageParameters.of(page, size, CampaignReturnsBean.MAX_PAGE_SIZE);
        return found(id, campaigns.members(id(id), BooleanParameter.of("heldOut", heldOut), paging.page(), paging.size()));
    }

    /** Every campaign's results in one answer (the console shows them all). */
    @GET
    @Path("/results")
    public List<CampaignResults> allResults() {
        return campaigns.allResults();
    }

    @GET
    @Path("/{id}/results")
    public CampaignResults results(@PathParam("id") String id) {
        return found(id, campaigns.results(id(id)));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no campaign " + text);
        }
    }

    private static <T> T found(String id, T answer) {
        if (answer == null) {
            throw new NotFoundException("no campaign " + id);
        }
        return answer;
    }
}
