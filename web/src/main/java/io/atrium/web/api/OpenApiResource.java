package io.atrium.web.api;

import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

/**
 * The OpenAPI document of this API, generated from the resource classes when the web module is built
 * (smallrye-open-api-maven-plugin), so it describes exactly the resources deployed with it.
 */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/openapi.json")
public class OpenApiResource {

    static final String DOCUMENT = "/openapi/openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public InputStream document() {
        InputStream document = OpenApiResource.class.getResourceAsStream(DOCUMENT);
        if (document == null) {
            throw new IllegalStateException(DOCUMENT + " is missing from the web module: its build generates it");
        }
        return document;
    }
}
