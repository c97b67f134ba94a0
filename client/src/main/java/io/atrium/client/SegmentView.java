package io.atrium.client;

import java.io.Serializable;
import java.time.Instant;

/**
 * A segment: its rule (the hub's docs/ANALYTICS.md, Segments), where it was defined ({@code CONFIG}: the
 * {@code atrium.segments.<name>.rule} setting, changed there only; {@code API}: by {@code hub-admin}), its members now,
 * who defined it last and when, and when its members were last selected in full.
 */
public record SegmentView(String name, String rule, String origin, long members, Instant updatedAt, String updatedBy,
                          Instant recomputedAt) implements Serializable {
}
