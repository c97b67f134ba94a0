package io.atrium.connectors.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyRecordJson;

import java.util.Map;

/**
 * Maps one item in its native format, as it was quarantined, to the canonical message:
 * the same mapping the connector applies, so that a replay after a fix behaves like a
 * first delivery.
 */
public final class NativeFormats {

    private NativeFormats() {
    }

    /** @throws InvalidRecordException with the reason, when the item is still not acceptable */
    public static CanonicalMessage map(InputFormat format, String payload) {
        return switch (format) {
            case CANONICAL_JSON -> CanonicalMessage.of(PartyRecordJson.read(payload));
            default -> throw new InvalidRecordException("replay of " + format + " is not supported yet");
        };
    }

    public static CanonicalMessage mapSalesRow(InputFormat format, Map<String, Object> row) {
        throw new InvalidRecordException("sales rows are not mapped yet");
    }

    public static CanonicalMessage mapPropertyItem(InputFormat format, JsonNode item) {
        throw new InvalidRecordException("property items are not mapped yet");
    }

    public static String rowAsJson(Map<String, Object> row) {
        return PartyRecordJson.write(row);
    }
}
