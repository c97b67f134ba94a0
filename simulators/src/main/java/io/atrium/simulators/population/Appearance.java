package io.atrium.simulators.population;

/** One record of a party in one source system: the source sees the party under its own id. */
public record Appearance(String source, String sourceId, Party party) {
}
