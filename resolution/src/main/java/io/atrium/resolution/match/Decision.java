package io.atrium.resolution.match;

/** What a scored pair leads to: merge automatically, ask a data steward, or keep apart. */
public enum Decision { MERGE, REVIEW, NO_MATCH }
