package io.atrium.web.api;

/** The body of every error answer. */
public record ApiError(String error) {
}
