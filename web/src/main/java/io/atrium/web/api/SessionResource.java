package io.atrium.web.api;

import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.stream.Stream;

/** Who the caller is and which hub roles it has: the console shows only the pages and actions they allow. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/session")
public class SessionResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Caller caller(@Context SecurityContext security) {
        List<String> roles = Stream.of(HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP)
                .filter(security::isUserInRole).toList();
        return new Caller(security.getUserPrincipal().getName(), roles);
    }

    public record Caller(String user, List<String> roles) {
    }
}
