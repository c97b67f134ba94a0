package io.atrium.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.spi.ReaderException;

/**
 * A request body that cannot be read as the resource's JSON (malformed, or a value of the wrong type):
 * 400 with a JSON reason, instead of RESTEasy's plain-text answer. The parser's own message is not
 * given back: it may quote the body.
 */
@Provider
public class UnreadableBodies implements ExceptionMapper<ReaderException> {

    @Override
    public Response toResponse(ReaderException e) {
        int status = e.getErrorCode() >= 400 ? e.getErrorCode() : Response.Status.BAD_REQUEST.getStatusCode();
        return ApiError.answer(status, "the request body is not JSON of the shape this resource takes (see /hub/api/openapi.json)").build();
    }
}
