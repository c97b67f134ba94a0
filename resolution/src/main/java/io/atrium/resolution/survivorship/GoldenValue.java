package io.atrium.resolution.survivorship;

import io.atrium.resolution.model.RecordKey;

/** A surviving value and the source record that gave it (lineage). */
public record GoldenValue(String value, RecordKey from) {
}
