package io.atrium.resolution.standardize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Compact JSON for a {@link StandardizedRecord}, for the hub to store next to the source record. */
public final class StandardizedRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private StandardizedRecordJson() {
    }

    public static String write(StandardizedRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("standardized record cannot be written as JSON", e);
        }
    }

    /** Reads what {@link #write} wrote; a failure is a defect or corrupted storage, not bad input. */
    public static StandardizedRecord read(String json) {
        try {
            return MAPPER.readValue(json, StandardizedRecord.class);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the input, which holds personal data: keep only the position
            String at = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new IllegalStateException("stored standardized record is unreadable" + at);
        }
    }
}
