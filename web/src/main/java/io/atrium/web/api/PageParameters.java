package io.atrium.web.api;

import jakarta.ws.rs.BadRequestException;

/** {@code page} and {@code size} query parameters, read as text so that a malformed one is a 400 with its reason, not a 404. */
record PageParameters(int page, int size) {

    static final int DEFAULT_SIZE = 20;

    /** @param maxSize the largest size accepted */
    static PageParameters of(String page, String size, int maxSize) {
        int pageNumber = number("page", page, 0);
        int pageSize = number("size", size, Math.min(DEFAULT_SIZE, maxSize));
        if (pageNumber < 0) {
            throw new BadRequestException("page must be 0 or more");
        }
        if (pageSize < 1 || pageSize > maxSize) {
            throw new BadRequestException("size must be between 1 and " + maxSize);
        }
        return new PageParameters(pageNumber, pageSize);
    }

    private static int number(String name, String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number");
        }
    }
}
