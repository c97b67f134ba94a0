package io.atrium.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 403 for a call the EJB layer refused by role (an operator asking for an administrator's action),
 * which would otherwise surface as a 500.
 */
@Provider
public class AccessDeniedErrors implements ExceptionMapper<EJBAccessException> {

    @Override
    public Response toResponse(EJBAccessException e) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(ContainerErrors.reason(Response.Status.FORBIDDEN.getStatusCode()))).build();
    }
}
