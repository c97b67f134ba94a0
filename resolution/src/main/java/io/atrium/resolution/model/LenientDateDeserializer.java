package io.atrium.resolution.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.atrium.resolution.standardize.SourceDates;

import java.io.IOException;
import java.time.LocalDate;

/** Accepts the date forms the sources write (yyyy-MM-dd, yyyy/M/d, ISO date-times), refuses anything else. */
public class LenientDateDeserializer extends JsonDeserializer<LocalDate> {

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        return SourceDates.parse(text).orElseThrow(
                () -> context.weirdStringException(text, LocalDate.class, "not a date"));
    }
}
