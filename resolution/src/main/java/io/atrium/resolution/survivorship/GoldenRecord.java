package io.atrium.resolution.survivorship;

import java.util.List;
import java.util.Map;

/**
 * The customer's best view: per attribute the surviving standardized value and its source record.
 * Single-valued attributes hold at most one value; PHONE and EMAIL hold every distinct value, best first.
 */
public record GoldenRecord(Map<GoldenAttribute, List<GoldenValue>> attributes) {

    public GoldenRecord {
        attributes = Map.copyOf(attributes);
    }

    /** The best value of an attribute, or null when no member record has one. */
    public GoldenValue best(GoldenAttribute attribute) {
        List<GoldenValue> values = attributes.getOrDefault(attribute, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    public List<GoldenValue> all(GoldenAttribute attribute) {
        return attributes.getOrDefault(attribute, List.of());
    }
}
