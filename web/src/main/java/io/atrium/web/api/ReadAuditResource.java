package io.atrium.web.api;

import io.atrium.hub.audit.ReadAudit;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Who read which customer's personal data unmasked, through which interface, when. */
@RolesAllowed(HubRoles.ADMIN)
@RequestScoped
@Path("/audit/reads")
@Produces(MediaType.APPLICATION_JSON)
public class ReadAuditResource {

    @EJB
    ReadAudit audit;

    @GET
    public ReadAudit.Page reads(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageParameters paging = PageParameters.of(page, size, ReadAudit.MAX_PAGE_SIZE);
        return audit.reads(paging.page(), paging.size());
    }
}
