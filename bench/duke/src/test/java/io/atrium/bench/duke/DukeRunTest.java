package io.atrium.bench.duke;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DukeRunTest {

    @Test
    void duplicatesShareACustomerAndTheCrosswalkHasEachRecordOnce(@TempDir Path work) throws Exception {
        Path input = work.resolve("records.jsonl");
        Files.write(input, List.of(
                "{\"source\":\"sales\",\"sourceId\":\"S1\",\"kind\":\"PERSON\",\"name\":\"王小明\",\"phones\":[\"13800000001\"],\"birthDate\":\"1980-01-01\"}",
                "{\"source\":\"service\",\"sourceId\":\"T1\",\"kind\":\"PERSON\",\"name\":\"王小明\",\"phones\":[\"138-0000-0001\"],\"birthDate\":\"1980-01-01\"}",
                "{\"source\":\"leasing\",\"sourceId\":\"L1\",\"kind\":\"PERSON\",\"name\":\"王小明\",\"phones\":[\"13800000001\"],\"birthDate\":\"1980-01-01\"}",
                // a later version of L1: another person of the same name, which replaces the first
                "{\"source\":\"leasing\",\"sourceId\":\"L1\",\"kind\":\"PERSON\",\"name\":\"王小明\",\"phones\":[\"13900000009\"],\"birthDate\":\"1990-05-05\"}"));
        Path crosswalk = work.resolve("clusters.csv");

        DukeRun.main(new String[] {"--config", "chinese.xml", "--input", input.toString(), "--output", crosswalk.toString()});

        List<String> lines = Files.readAllLines(crosswalk);
        assertEquals("source,sourceId,customerId", lines.get(0));
        Map<String, String> customerOf = lines.stream().skip(1).map(line -> line.split(","))
                .collect(Collectors.toMap(row -> row[0] + "/" + row[1], row -> row[2]));
        assertEquals(3, customerOf.size());
        assertEquals(customerOf.get("\"sales\"/\"S1\""), customerOf.get("\"service\"/\"T1\""));
        assertNotEquals(customerOf.get("\"sales\"/\"S1\""), customerOf.get("\"leasing\"/\"L1\""));
    }
}
