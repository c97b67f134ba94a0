package io.atrium.hub.steward;

/** What a data steward did. */
public enum StewardActionType {
    /** A review pair merged. */
    ACCEPT,
    /** A review pair kept apart for good. */
    REJECT,
    /** A source record taken out of its customer, optionally blocked from re-merging. */
    SPLIT,
    /** An earlier action reversed. */
    UNDO
}
