package io.atrium.resolution.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes canonical party records and messages as JSON (one object per line in JSON Lines
 * input). Reading checks what the canonical format requires and says why a line is refused.
 */
public final class PartyRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PartyRecordJson() {
    }

    /** Parses one canonical record; throws {@link InvalidRecordException} with a reason a person can act on. */
    public static PartyRecord read(String json) {
        PartyRecord record;
        try {
            record = MAPPER.readValue(json, PartyRecord.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(describe(e));
        }
        if (record == null) {
            throw new InvalidRecordException("not a JSON object");
        }
        if (isBlank(record.getSource())) {
            throw new InvalidRecordException("missing required field 'source'");
        }
        if (isBlank(record.getSourceId())) {
            throw new InvalidRecordException("missing required field 'sourceId'");
        }
        return record;
    }

    public static String write(Object canonical) {
        try {
            return MAPPER.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical value cannot be written as JSON", e);
        }
    }

    /** Reads a queued message that this hub wrote; a failure here is a defect, not bad input. */
    public static CanonicalMessage readMessage(String json) {
        try {
            return MAPPER.readValue(json, CanonicalMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("queued message is not a canonical message: " + describe(e), e);
        }
    }

    /** Reads a JSON object this hub wrote (a fact's data) as a map. */
    public static java.util.Map<String, Object> readMap(String json) {
        try {
            // amounts keep their scale (12500.00 stays 12500.00)
            return MAPPER.readerFor(new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { })
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not an object: " + describe(e), e);
        }
    }

    /** The parser's reason without the offending value, so no personal data reaches a log or a reply. */
    private static String describe(JsonProcessingException e) {
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                && !mapping.getPath().isEmpty()
                ? mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() : null;
        String kind = e instanceof com.fasterxml.jackson.core.JsonParseException ? "malformed JSON" : "invalid value";
        String at = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
        return path == null ? kind + at : kind + " for field '" + path + "'";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
