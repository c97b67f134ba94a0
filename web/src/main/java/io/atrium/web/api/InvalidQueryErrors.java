package io.atrium.web.api;

import io.atrium.client.InvalidQueryException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A search the directory cannot run (an unreadable value, a page out of range): 400 with the reason. */
@Provider
public class InvalidQueryErrors implements ExceptionMapper<InvalidQueryException> {

    @Override
    public Response toResponse(InvalidQueryException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON).entity(new ApiError(e.getMessage())).build();
    }
}
