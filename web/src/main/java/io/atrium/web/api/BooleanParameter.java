package io.atrium.web.api;

import jakarta.ws.rs.BadRequestException;

/** A true/false query parameter, read as text so that anything else is a 400 naming it, not a silent false. */
final class BooleanParameter {

    private BooleanParameter() {
    }

    /** null when absent or blank. */
    static Boolean of(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException(name + " must be true or false");
        };
    }
}
