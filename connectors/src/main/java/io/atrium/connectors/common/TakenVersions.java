package io.atrium.connectors.common;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The version (updatedAt) of each item a polling connector took, delivered or quarantined, while
 * the item can still be read again (inside the clock skew the watermark stays behind, or a repeated
 * pass): an item read again in the same version is skipped, so it is neither queued nor quarantined
 * twice; a newer version is taken. Kept in memory: after a restart the re-read window is taken once
 * more, which changes nothing downstream (and quarantines its bad items once more).
 */
public final class TakenVersions {

    private record Version(String version, Instant time) {
    }

    /** One item's version: its id, its updatedAt as the source wrote it, and that time as an instant (null if unreadable). */
    public record Taken(String id, String version, Instant time) {
    }

    private final Map<String, Version> taken = new ConcurrentHashMap<>();

    public boolean contains(String id, String version) {
        Version known = taken.get(id);
        return known != null && known.version().equals(version);
    }

    /**
     * Call once the versions are durably queued or quarantined: a version noted but lost would never be taken.
     * A version without a readable time (quarantined for it) is kept until its item shows another version:
     * no watermark passes it, and a source may serve it on every poll, which must not quarantine it every time.
     */
    public void addAll(Iterable<Taken> versions) {
        for (Taken version : versions) {
            taken.put(version.id(), new Version(version.version(), version.time() == null ? Instant.MAX : version.time()));
        }
    }

    /** Forgets versions made before the start of what a poll can read again. */
    public void forgetBefore(Instant start) {
        taken.values().removeIf(version -> version.time().isBefore(start));
    }
}
