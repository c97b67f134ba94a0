package io.atrium.web.api;

import io.atrium.client.SegmentHistory;
import io.atrium.client.SegmentMembersPage;
import io.atrium.client.SegmentView;
import io.atrium.hub.segments.CustomerSegmentsBean;
import io.atrium.hub.segments.SegmentExport;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.List;

/** Named rule-based segments of the scored customers: their definitions, members (paged and as CSV) and sizes over time. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    /**
     * A segment's name in the path. No name holds a '%' (they are lower-case letters, digits and dashes), and the path is
     * matched as sent: a percent-encoded spelling of {@code /segments/recompute} must not reach a segment of that name.
     */
    private static final String NAME = "/{name: [^/%]+}";

    /** The body of a definition. */
    public record Definition(String rule) {
    }

    @EJB
    CustomerSegmentsBean segments;

    @EJB
    SegmentExport export;

    @GET
    public List<SegmentView> segments() {
        return segments.segments();
    }

    @GET
    @Path(NAME)
    public SegmentView segment(@PathParam("name") String name) {
        return found(name, segments.segment(name));
    }

    /** Creates or changes the segment; its members are selected before the answer. */
    @PUT
    @RolesAllowed(HubRoles.ADMIN)
    @Path(NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public SegmentView define(@PathParam("name") String name, Definition definition) {
        return segments.define(name, definition == null ? null : definition.rule());
    }

    @DELETE
    @RolesAllowed(HubRoles.ADMIN)
    @Path(NAME)
    public Response delete(@PathParam("name") String name) {
        found(name, segments.delete(name) ? name : null);
        return Response.noContent().build();
    }

    @GET
    @Path(NAME + "/members")
    public SegmentMembersPage members(@PathParam("name") String name, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        PageParameters paging = PageParameters.of(page, size, CustomerSegmentsBean.MAX_PAGE_SIZE);
        return found(name, segments.members(name, paging.page(), paging.size()));
    }

    /** Streamed as it is read (the body is written after this method returns, in the export's own transaction). */
    @GET
    @Path(NAME + "/members.csv")
    @Produces(CrosswalkResource.CSV)
    public Response membersCsv(@PathParam("name") String name) {
        found(name, segments.segment(name));
        StreamingOutput body = out -> export.writeTo(name, out);
        return Response.ok(body, CrosswalkResource.CSV)
                .header("Content-Disposition", "attachment; filename=\"segment-" + name + ".csv\"").build();
    }

    /** Every segment's sizes over the period, in one answer (the console charts them all). */
    @GET
    @Path("/history")
    public List<SegmentHistory> histories(@QueryParam("from") String from, @QueryParam("to") String to) {
        return segments.histories(QualityResource.time("from", from, false), QualityResource.time("to", to, true));
    }

    @GET
    @Path(NAME + "/history")
    public SegmentHistory history(@PathParam("name") String name, @QueryParam("from") String from, @QueryParam("to") String to) {
        return found(name, segments.history(name, QualityResource.time("from", from, false), QualityResource.time("to", to, true)));
    }

    /** Selects every segment's members again (after a change of the scores' settings); answers the segments with their sizes. */
    @POST
    @RolesAllowed(HubRoles.ADMIN)
    @Path("/recompute")
    public List<SegmentView> recompute() {
        return segments.recompute();
    }

    private static <T> T found(String name, T answer) {
        if (answer == null) {
            throw new NotFoundException("no segment " + name);
        }
        return answer;
    }
}
