package io.atrium.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * Answers JAX-RS errors (400, 404, ...) with a JSON body that says why. A 405 keeps its Allow header.
 */
@Provider
public class WebApplicationErrors implements ExceptionMapper<WebApplicationException> {

    /** Refusals RESTEasy raises itself, with messages meant for its log (a bare "HTTP 403 Forbidden", RESTEASY codes). */
    private static final Set<Integer> RAISED_BY_RESTEASY = Set.of(403, 405, 406, 415);

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = RAISED_BY_RESTEASY.contains(status) ? ContainerErrors.reason(status) : e.getMessage();
        return ApiError.answer(status, reason)
                .header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                .build();
    }
}
