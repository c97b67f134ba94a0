package io.atrium.web.api;

import io.atrium.client.InvalidQueryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A query the customer directory refused as given: 400 with the reason. */
@Provider
public class InvalidQueryErrors implements ExceptionMapper<InvalidQueryException> {

    @Override
    public Response toResponse(InvalidQueryException e) {
        return ApiError.answer(Response.Status.BAD_REQUEST, e.getMessage()).build();
    }
}
