package io.atrium.hub.quarantine;

/** How many quarantined items one source has in one status. */
public record QuarantineCount(String source, QuarantineStatus status, long items) {
}
