package io.atrium.web.api;

import io.atrium.hub.steward.StewardRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A steward request the hub refused: 404 unknown pair, record or action; 409 wrong state; 400 no reason. */
@Provider
public class StewardRequestErrors implements ExceptionMapper<StewardRequestException> {

    @Override
    public Response toResponse(StewardRequestException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
        };
        return ApiError.answer(status, e.getMessage()).build();
    }
}
