package io.atrium.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;

/**
 * The body {"reason": "..."} of an operator's action (a route action, a discard), read by the resource itself: JAX-RS
 * would refuse a request without a body or a content type before the method runs, and these take any or none.
 */
public final class ActionReasons {

    static final int MAX_LENGTH = 2000;
    private static final Jsonb JSON = JsonbBuilder.create();

    /** The body's shape. */
    public record Action(String reason) {
    }

    private ActionReasons() {
    }

    /** The reason given, stripped; null when there is no body or no reason in it. 400 for a body not of this shape. */
    static String optional(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            Action action = JSON.fromJson(body, Action.class);
            return action == null || action.reason() == null || action.reason().isBlank() ? null : action.reason().strip();
        } catch (JsonbException e) {
            throw new BadRequestException("the body, when given, is {\"reason\": \"...\"}");
        }
    }

    /** The reason an action must give, for its audit: 400 when there is none or it is longer than {@link #MAX_LENGTH}. */
    static String required(String body) {
        String reason = optional(body);
        if (reason == null) {
            throw new BadRequestException("a reason is required, kept with who did it and when: send {\"reason\": \"...\"}");
        }
        if (reason.length() > MAX_LENGTH) {
            throw new BadRequestException("the reason is longer than " + MAX_LENGTH + " characters");
        }
        return reason;
    }
}
