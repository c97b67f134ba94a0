package io.atrium.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers JAX-RS errors (400, 404, ...) with a JSON body that says why. */
@Provider
public class WebApplicationErrors implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // RESTEasy's role check refuses with a bare "HTTP 403 Forbidden"
        String reason = status == Response.Status.FORBIDDEN.getStatusCode() ? ContainerErrors.reason(status) : e.getMessage();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(reason))
                .build();
    }
}
