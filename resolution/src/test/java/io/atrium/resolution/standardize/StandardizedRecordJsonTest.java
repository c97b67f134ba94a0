package io.atrium.resolution.standardize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.resolution.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StandardizedRecordJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void instantsOfEveryPrecisionReadAsTheGeneralParseReadsThem() {
        Random random = new Random(15);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000L;
                case 2 -> random.nextInt(1_000_000) * 1_000L;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), nanos);
            String written = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertEquals(instant, StandardizedRecordJson.fixedShapeInstant(written), written);
        }
        for (String edge : List.of("1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.000000001Z", "2024-02-29T12:00:00.5Z")) {
            assertEquals(Instant.parse(edge), StandardizedRecordJson.fixedShapeInstant(edge), edge);
        }
    }

    @Test
    void otherShapesAreLeftToTheGeneralParse() {
        for (String other : List.of("+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2024-03-01T10:15:30+08:00",
                "2024-03-01T10:15:30.Z", "2024-03-01T10:15:30.1234567890Z", "2024-03-01T24:00:00Z",
                "2024-03-01T23:59:60Z", "2023-02-29T00:00:00Z", "2024-03-01 10:15:30Z", "2024-03-01T1a:15:30Z")) {
            assertNull(StandardizedRecordJson.fixedShapeInstant(other), other);
        }
        for (String other : List.of("2023-02-29", "2024-13-01", "+12024-03-01", "2024-3-01", "2024/03/01", "2024-03-0x")) {
            assertNull(StandardizedRecordJson.fixedShapeDate(other), other);
        }
        assertEquals(LocalDate.of(2024, 2, 29), StandardizedRecordJson.fixedShapeDate("2024-02-29"));
    }

    @Test
    void aStoredFormWithDatesOfAnotherShapeStillReadsOrFailsAsBefore() throws Exception {
        StandardizedRecord standardized = Standardizer.standardize(Fixtures.population().get(0));
        ObjectNode form = (ObjectNode) JSON.readTree(StandardizedRecordJson.write(standardized));

        form.put("updatedAt", "+10000-01-01T00:00:00Z").put("birthDate", "+12024-03-01");
        StandardizedRecord farOff = StandardizedRecordJson.read(form.toString());
        assertEquals(Instant.parse("+10000-01-01T00:00:00Z"), farOff.updatedAt());
        assertEquals(LocalDate.of(12024, 3, 1), farOff.birthDate());

        form.put("birthDate", "2023-02-29");
        assertThrows(IllegalStateException.class, () -> StandardizedRecordJson.read(form.toString()));
    }
}
