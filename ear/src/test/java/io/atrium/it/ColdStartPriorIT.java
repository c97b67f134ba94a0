package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, item 3: records arriving one by one at a hub whose frequency snapshot is small (empty at a fresh
 * start, a few thousand test records on the suite's shared server) decide as the bulk tool would. The
 * shipped name prior knows 王芳 is common, so two 王芳 who share only a birth date wait for a steward, while a
 * rare name with the same evidence merges. Item 4: once the snapshot is recounted and has learnt that a name is
 * common, re-scoring sends the pair it merged while the name was unknown to review, splitting the customer with a
 * change event in the feed, and a pair a steward rejected stays rejected.
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

    @Test
    void aRecountThatLearnsANameIsCommonReScoresItsMergeToReviewAndKeepsAStewardsRejection() {
        String name = TestData.rareName(run + "rescore");
        LocalDate born = TestData.birthDate(run + "s");
        hub.postRecord(person("RS-A", name, born));
        hub.postRecord(person("RS-B", name, born));
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> (found[0] = explain("RS-A", "RS-B")).get("sameCustomer").asBoolean());
        assertEquals("MERGE", found[0].get("storedLink").get("decision").asText(), found[0].toString());
        String merged = found[0].get("customerA").asText();

        // two 王芳 sharing only a birth date: a review pair under any snapshot (the prior knows the name is common, and
        // so does a recount), which a steward rejects. The rare name with another phone each, used before, was one
        // only as far as the snapshot it met weighed the name: once in a suite the pair merged instead.
        LocalDate rejectedBorn = TestData.birthDate(run + "rj");
        hub.postRecord(person("RJ-A", "王芳", rejectedBorn));
        hub.postRecord(person("RJ-B", "王芳", rejectedBorn));
        await().atMost(Duration.ofSeconds(30)).until(() -> (found[0] = explain("RJ-A", "RJ-B")).hasNonNull("storedLink"));
        assertEquals("REVIEW", found[0].get("storedLink").get("decision").asText(), found[0].toString());
        long rejectedLink = found[0].get("storedLink").get("linkId").asLong();
        HubClient.Response rejected = hub.postJson("steward/reviews/" + rejectedLink + "/reject", HubClient.ADMIN,
                "{\"reason\": \"two people of one name and birth date\"}");
        assertEquals(200, rejected.status(), rejected.body());

        // namesakes born on other days, and (on a small population, where counts weigh little) other people, so that
        // the recount learns the name is common
        long counted = refreshedPopulation();
        StringBuilder lines = new StringBuilder();
        int namesakes = 30;
        long others = Math.max(0, 2_000 - counted - namesakes);
        for (int i = 0; i < namesakes; i++) {
            lines.append(person("NS-" + i, name, born.minusDays(400 + i * 37L))).append('\n');
        }
        for (int i = 0; i < others; i++) {
            lines.append(person("OT-" + i, word(run + i) + " " + word(i + run), born.minusDays(i))).append('\n');
        }
        assertEquals(202, hub.postRecords(HubClient.APP, lines.toString()).status());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> refreshedPopulation() >= counted + namesakes + others);

        long feedHead = feedHead();
        Instant asked = Instant.now();
        HubClient.Response started = hub.post("resolver/rescoring", HubClient.ADMIN);
        assertEquals(202, started.status(), started.body());
        // a pass that began earlier (another test's) is followed by one that begins after this request
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode progress = hub.get("resolver/rescoring", HubClient.OPERATOR).json();
            return !Instant.parse(progress.get("startedAt").asText()).isBefore(asked) && "DONE".equals(progress.get("state").asText());
        });
        JsonNode pass = hub.get("resolver", HubClient.OPERATOR).json().get("rescoring");
        assertTrue(pass.get("done").asLong() >= 2 && pass.get("decisionsChanged").asLong() >= 1, pass.toString());

        JsonNode nowApart = explain("RS-A", "RS-B");
        assertFalse(nowApart.get("sameCustomer").asBoolean(), nowApart.toString());
        assertEquals("REVIEW", nowApart.get("storedLink").get("decision").asText(), nowApart.toString());
        assertEquals("PENDING", nowApart.get("storedLink").get("reviewState").asText());
        JsonNode stillRejected = explain("RJ-A", "RJ-B");
        assertEquals(rejectedLink, stillRejected.get("storedLink").get("linkId").asLong());
        assertEquals("REJECTED", stillRejected.get("storedLink").get("reviewState").asText(), stillRejected.toString());
        assertFalse(stillRejected.get("sameCustomer").asBoolean());

        JsonNode split = null;
        for (JsonNode change : hub.get("customers/changes?after=" + feedHead + "&limit=1000", HubClient.APP).json().get("changes")) {
            if ("CUSTOMER_SPLIT".equals(change.get("type").asText()) && merged.equals(change.get("customerId").asText())) {
                split = change;
            }
        }
        assertTrue(split != null && split.get("position").asLong() > feedHead, "no split of the merged customer in the feed");
        String other = merged.equals(nowApart.get("customerA").asText()) ? nowApart.get("customerB").asText() : nowApart.get("customerA").asText();
        assertTrue(split.get("relatedCustomerIds").toString().contains(other), split.toString());
    }

    /** A made-up word of letters from a seed: a name nobody else has. */
    private static String word(String seed) {
        long bits = TestData.mixed(seed);
        StringBuilder word = new StringBuilder("Q");
        for (int i = 0; i < 9; i++, bits >>>= 5) {
            word.append((char) ('a' + Math.floorMod(bits, 26)));
        }
        return word.toString();
    }

    /** Recounts the frequency snapshot now; answers the records it counted. */
    private long refreshedPopulation() {
        HubClient.Response refreshed = hub.post("resolver/frequencies/refresh", HubClient.ADMIN);
        assertEquals(200, refreshed.status(), refreshed.body());
        return refreshed.json().get("frequencyPopulation").asLong();
    }

    /** The changes feed's last position: the cursor after which only changes still to come are listed. */
    private long feedHead() {
        long below = 0;
        long step = 1;
        while (hasChangesAfter(below + step)) {
            below += step;
            step *= 2;
        }
        // changes exist after `below`, none after below + step
        long above = below + step;
        while (above - below > 1) {
            long middle = below + (above - below) / 2;
            if (hasChangesAfter(middle)) {
                below = middle;
            } else {
                above = middle;
            }
        }
        return hasChangesAfter(below) ? above : below;
    }

    private boolean hasChangesAfter(long position) {
        return !hub.get("customers/changes?after=" + position + "&limit=1", HubClient.APP).json().get("changes").isEmpty();
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
