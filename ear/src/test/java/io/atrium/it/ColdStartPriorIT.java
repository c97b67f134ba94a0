package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, item 3: records arriving one by one at a hub whose frequency snapshot is small (empty at a fresh
 * start, a few thousand test records on the suite's shared server) decide as the bulk tool would. The
 * shipped name prior knows 王芳 is common, so two 王芳 who share only a birth date wait for a steward, while a
 * rare name with the same evidence merges.
 */
class ColdStartPriorIT extends DeployedHub {

    private HubClient hub;
    private String source;
    private String run;

    @BeforeEach
    void setUp() {
        hub = hub();
        run = TestData.runId();
        source = "it-cold-" + run;
    }

    @Test
    void twoWangFangSharingOnlyABirthDateWaitForAStewardWhileARareNameMerges() {
        LocalDate born = TestData.birthDate(run);
        hub.postRecord(person("WF-A", "王芳", born));
        hub.postRecord(person("WF-B", "王芳", born));
        String rare = TestData.rareName(run);
        LocalDate rareBorn = TestData.birthDate(run + "r");
        hub.postRecord(person("RN-A", rare, rareBorn));
        hub.postRecord(person("RN-B", rare, rareBorn));

        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> (found[0] = explain("WF-A", "WF-B")).hasNonNull("storedLink"));
        JsonNode wangFang = found[0];
        long snapshot = hub.get("resolver", HubClient.OPERATOR).json().path("frequencyPopulation").asLong(-1);
        assertFalse(wangFang.get("sameCustomer").asBoolean(), "snapshot of " + snapshot + " records: " + wangFang);
        assertEquals("REVIEW", wangFang.get("decision").asText(), wangFang.toString());
        assertEquals("PENDING", wangFang.get("storedLink").get("reviewState").asText());
        JsonNode name = evidence(wangFang, "NAME");
        assertTrue(name.get("frequencyAdjusted").asBoolean(), name.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> (found[0] = explain("RN-A", "RN-B")).get("sameCustomer").asBoolean());
        assertEquals("MERGE", found[0].get("decision").asText(), found[0].toString());
        assertTrue(evidence(found[0], "NAME").get("weight").asDouble() > name.get("weight").asDouble(),
                "a rare name weighs more than 王芳: " + found[0]);
    }

    private ObjectNode person(String sourceId, String name, LocalDate born) {
        return TestData.JSON.createObjectNode().put("source", source).put("sourceId", sourceId).put("kind", "PERSON")
                .put("name", name).put("birthDate", born.toString()).put("updatedAt", "2026-03-01T02:15:30Z");
    }

    private JsonNode explain(String a, String b) {
        HubClient.Response response = hub.get("explain?a=" + URLEncoder.encode(source + ":" + a, StandardCharsets.UTF_8)
                + "&b=" + URLEncoder.encode(source + ":" + b, StandardCharsets.UTF_8), HubClient.VIEWER);
        // 404 until both records are stored
        return response.status() == 200 ? response.json() : TestData.JSON.createObjectNode().put("sameCustomer", false);
    }

    private static JsonNode evidence(JsonNode pair, String field) {
        for (JsonNode e : pair.get("evidence")) {
            if (e.get("field").asText().equals(field)) {
                return e;
            }
        }
        throw new AssertionError("no " + field + " evidence in " + pair);
    }
}
