package io.atrium.connectors.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.resolution.model.InvalidRecordException;

import java.util.List;

/** Reading fields of a source's JSON item, with reasons that name the field and never its value. */
public final class JsonFields {

    private JsonFields() {
    }

    /** A single value as text, or null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new InvalidRecordException(field + " is not a single value");
        }
        return value.asText();
    }

    /** The elements of an array field; none when absent or JSON null. */
    public static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidRecordException(field + " is not an array");
        }
        return value;
    }

    /** A rating from 1 to 5 (a work order's rating, a ticket's satisfaction), or null when absent. */
    public static Integer score(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt() || value.asInt() < 1 || value.asInt() > 5) {
            throw new InvalidRecordException(field + " is not a whole number from 1 to 5");
        }
        return value.asInt();
    }
}
