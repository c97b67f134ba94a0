package io.atrium.web.api;

import io.atrium.hub.crosswalk.CrosswalkExport;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Which customer each stored source record belongs to, as CSV, for systems that keep their own copy. */
@RolesAllowed({HubRoles.APP, HubRoles.ADMIN})
@RequestScoped
@Path("/crosswalk")
public class CrosswalkResource {

    static final String CSV = "text/csv;charset=UTF-8";

    @EJB
    CrosswalkExport export;

    /** Streamed as it is read (the body is written after this method returns, in the export's own transaction). */
    @GET
    @Produces(CSV)
    public Response crosswalk() {
        StreamingOutput body = export::writeTo;
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"crosswalk.csv\"").build();
    }
}
