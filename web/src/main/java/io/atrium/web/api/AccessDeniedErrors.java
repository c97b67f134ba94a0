package io.atrium.web.api;

import jakarta.ejb.EJBAccessException;
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
        return ApiError.answer(Response.Status.FORBIDDEN, ContainerErrors.reason(Response.Status.FORBIDDEN.getStatusCode())).build();
    }
}
