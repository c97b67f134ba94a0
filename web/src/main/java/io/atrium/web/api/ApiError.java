package io.atrium.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error answer. */
public record ApiError(String error) {

    /** An error answer: the status, with the reason as its JSON body (add headers before {@code build()}). */
    static Response.ResponseBuilder answer(int status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(reason));
    }

    static Response.ResponseBuilder answer(Response.Status status, String reason) {
        return answer(status.getStatusCode(), reason);
    }
}
