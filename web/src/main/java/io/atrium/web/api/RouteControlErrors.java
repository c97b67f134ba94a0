package io.atrium.web.api;

import io.atrium.hub.operations.RouteControlException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A route action not carried out: 404 unknown route, 409 not in this state, 400 reason too long, 500 Camel failed. */
@Provider
public class RouteControlErrors implements ExceptionMapper<RouteControlException> {

    @Override
    public Response toResponse(RouteControlException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
            case FAILED -> 500;
        };
        return ApiError.answer(status, e.getMessage()).build();
    }
}
