package io.atrium.hub.match;

/** Where a pair in the review band stands with the data stewards. */
public enum ReviewState { PENDING, ACCEPTED, REJECTED }
