package io.atrium.resolution.standardize;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/** Compact JSON for a {@link StandardizedRecord}, for the hub to store next to the source record. */
public final class StandardizedRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // registered after the JavaTimeModule, so its deserializers for these two types win
            .registerModule(new SimpleModule("fixed-shape-iso-dates")
                    .addDeserializer(Instant.class, new FixedShape<>(Instant.class,
                            StandardizedRecordJson::fixedShapeInstant, InstantDeserializer.INSTANT))
                    .addDeserializer(LocalDate.class, new FixedShape<>(LocalDate.class,
                            StandardizedRecordJson::fixedShapeDate, LocalDateDeserializer.INSTANCE)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final ObjectReader READER = MAPPER.readerFor(StandardizedRecord.class);

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
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the input, which holds personal data: keep only the position
            String at = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new IllegalStateException("stored standardized record is unreadable" + at);
        }
    }

    /*
     * DateTimeFormatter's general parse was four tenths of a read (a search parses every candidate's form), for
     * the one shape write() gives a date and an instant of our years: yyyy-MM-dd and yyyy-MM-ddTHH:mm:ss[.f]Z.
     * Those are read digit by digit; any other text goes to the JavaTimeModule's deserializer as before.
     */

    /** Reads a string of the fixed shape digit by digit, and anything else with the general deserializer. */
    static final class FixedShape<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> fixedShape;
        private final JsonDeserializer<T> general;

        FixedShape(Class<T> type, Function<String, T> fixedShape, JsonDeserializer<T> general) {
            super(type);
            this.fixedShape = fixedShape;
            this.general = general;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                T value = fixedShape.apply(parser.getText());
                if (value != null) {
                    return value;
                }
            }
            return general.deserialize(parser, context);
        }
    }

    private static final long[] NANOS_PER_DIGIT = {
            100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ}, with 1 to 9 fraction digits after the seconds or none, as ISO_INSTANT writes;
     * null when the text has another shape or is out of range: the general parse then decides.
     */
    static Instant fixedShapeInstant(String text) {
        int length = text.length();
        int fractionDigits = Math.max(0, length - 21);
        if (length < 20 || length == 21 || text.charAt(length - 1) != 'Z' || fractionDigits > 9
                || length > 20 && text.charAt(19) != '.' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        LocalDate day = fixedShapeDate(text.substring(0, 10));
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = fractionDigits > 0 ? digits(text, 20, length - 1) : 0;
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || fraction < 0) {
            return null;
        }
        long seconds = day.toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second;
        return Instant.ofEpochSecond(seconds, fractionDigits > 0 ? fraction * NANOS_PER_DIGIT[fractionDigits - 1] : 0);
    }

    /** {@code yyyy-MM-dd}; null when the text has another shape or is no date. */
    static LocalDate fixedShapeDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in text[from, to), or -1 unless every char there is an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
