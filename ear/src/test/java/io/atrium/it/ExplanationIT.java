package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explanations through the API, on records the matcher decided in the hub: why a merged pair is one
 * customer (the link and its evidence), why a review pair is not yet and then is (a steward's accept),
 * why a pair that shares name and phone stays apart (different valid ID numbers), and a merged-away id
 * answering with its survivor.
 */
class ExplanationIT extends DeployedHub {

    private HubClient hub;
    private String run;
    private String source;

    @BeforeEach
    void setUp() {
        hub = hub();
        run = TestData.runId();
        source = "it-" + run;
    }

    @Test
    void aMergedPairIsExplainedByItsLinkAndEvidence() {
        String name = TestData.rareName(run);
        String phone = TestData.mobile(run);
        hub.postRecord(person("A", name, phone));
        hub.postRecord(person("B", name, phone));
        String customer = hub.awaitCustomerWithPhone(phone, 2).get("id").asText();

        JsonNode why = get("customers/" + customer + "/why", HubClient.VIEWER);
        assertEquals(customer, why.get("customerId").asText());
        assertEquals(2, why.get("records").size());
        for (JsonNode record : why.get("records")) {
            JsonNode link = record.get("heldBy").get(0);
            assertEquals("MERGE", link.get("decision").asText());
            assertTrue(fields(link.get("evidence")).containsAll(Set.of("NAME", "PHONE")), link.toString());
            assertEquals(link.get("total").asDouble(), sum(link.get("evidence")), 0.3, "the total is the evidence's sum");
            assertNotEquals(record.get("record").get("sourceId").asText(), link.get("other").get("sourceId").asText());
        }

        JsonNode pair = explain("A", "B");
        assertTrue(pair.get("sameCustomer").asBoolean());
        assertEquals("MERGE", pair.get("decision").asText());
        assertTrue(pair.get("total").asDouble() >= pair.get("mergeThreshold").asDouble(), pair.toString());
        assertEquals(List.of(), texts(pair.get("apart"), "kind"));
        assertTrue(texts(pair.get("sharedKeys"), "rule").contains("PHONE"), pair.toString());
        assertEquals("MERGE", pair.get("storedLink").get("decision").asText());
    }

    @Test
    void aReviewPairIsApartUntilAStewardAcceptsItAndTheAcceptIsShown() {
        String name = TestData.rareName(run + "r");
        String phoneA = TestData.mobile(run + "a");
        String phoneB = TestData.mobile(run + "b");
        hub.postRecord(person("A", name, phoneA).put("birthDate", "1990-01-02"));
        hub.postRecord(person("B", name, phoneB).put("birthDate", "1990-01-02"));
        hub.awaitCustomerWithPhone(phoneA, 1);
        hub.awaitCustomerWithPhone(phoneB, 1);
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> (found[0] = explain("A", "B")).hasNonNull("storedLink"));
        JsonNode pending = found[0];
        assertFalse(pending.get("sameCustomer").asBoolean());
        assertEquals("REVIEW", pending.get("decision").asText());
        assertEquals("PENDING", pending.get("storedLink").get("reviewState").asText());
        assertEquals(List.of("PENDING_REVIEW"), texts(pending.get("apart"), "kind"));
        assertTrue(fields(pending.get("evidence")).contains("BIRTH_DATE"), pending.toString());

        long link = pending.get("storedLink").get("linkId").asLong();
        HubClient.Response accepted = hub.postJson("steward/reviews/" + link + "/accept", HubClient.ADMIN,
                TestData.JSON.createObjectNode().put("reason", "same person, called both numbers").toString());
        assertEquals(200, accepted.status(), accepted.body());
        String customer = hub.awaitCustomerWithPhone(phoneA, 2).get("id").asText();

        JsonNode held = get("customers/" + customer + "/why", HubClient.APP).get("records").get(0).get("heldBy").get(0);
        assertEquals("ACCEPTED", held.get("reviewState").asText());
        JsonNode decision = held.get("stewardDecision");
        assertEquals("ACCEPT", decision.get("type").asText());
        assertEquals("admin", decision.get("actor").asText());
        assertEquals("same person, called both numbers", decision.get("reason").asText());
        assertTrue(explain("A", "B").get("sameCustomer").asBoolean());
    }

    @Test
    void aSurnameOnlyCallerIsJoinedThroughTheTicketsProjectAndTheProjectExplainsIt() {
        // the caller's mobile has two neighbouring digits swapped: no phone key meets it, not even a half of it beside
        // the surname; surname and project do
        String project = "关系苑" + run;
        List<String> phones = TestData.mobileAndSwapAcrossKeyHalves(run + "p");
        String phone = phones.get(0);
        String mistyped = phones.get(1);
        ObjectNode owner = person("OWNER", "李秀英", phone).put("gender", "F");
        owner.putArray("projects").add(project);
        ObjectNode caller = person("CALLER", "李女士", mistyped);
        caller.putArray("projects").add(project);
        hub.postRecord(owner);
        hub.postRecord(caller);
        hub.awaitCustomerWithPhone(phone, 2);

        JsonNode pair = explain("OWNER", "CALLER");
        assertTrue(pair.get("sameCustomer").asBoolean(), pair.toString());
        assertEquals("MERGE", pair.get("decision").asText());
        assertEquals(List.of("SURNAME_PROJECT"), texts(pair.get("sharedKeys"), "rule"), "met through the project alone");
        JsonNode projectEvidence = evidenceOf(pair.get("evidence"), "PROJECT");
        assertEquals("EXACT", projectEvidence.get("level").asText(), pair.toString());
        assertTrue(projectEvidence.get("weight").asDouble() > 0, pair.toString());
        assertFalse(pair.toString().contains(project), "evidence, not values");
    }

    @Test
    void aPairWithDifferentValidIdNumbersStaysApartByItsConflict() {
        String name = TestData.rareName(run + "c");
        String phone = TestData.mobile(run + "c");
        hub.postRecord(person("A", name, phone).put("idType", "CN_RESIDENT").put("idNumber", residentId("11010519850715" + digits(run, 3))));
        hub.postRecord(person("B", name, phone).put("idType", "CN_RESIDENT").put("idNumber", residentId("31010419900302" + digits(run + "b", 3))));
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.customersWithPhone(phone).size() == 2);

        JsonNode pair = explain("A", "B");
        assertFalse(pair.get("sameCustomer").asBoolean());
        assertTrue(pair.get("conflict").asBoolean());
        assertNotEquals("MERGE", pair.get("decision").asText());
        assertTrue(texts(pair.get("apart"), "kind").contains("CONFLICT"), pair.toString());
        assertTrue(pair.get("evidence").toString().contains("VALID_CONFLICT"), pair.toString());
        assertFalse(pair.toString().contains(phone), "evidence, not values");
    }

    @Test
    void aRecordSplitOutWithABlockIsExplainedByTheBlockAndHeldByNothing() {
        String name = TestData.rareName(run + "s");
        String phone = TestData.mobile(run + "s");
        hub.postRecord(person("A", name, phone));
        hub.postRecord(person("B", name, phone));
        hub.awaitCustomerWithPhone(phone, 2);
        HubClient.Response split = hub.postJson("steward/splits", HubClient.ADMIN, TestData.JSON.createObjectNode()
                .put("source", source).put("sourceId", "B").put("block", true).put("reason", "the son, same phone").toString());
        assertEquals(200, split.status(), split.body());

        JsonNode pair = explain("A", "B");
        assertFalse(pair.get("sameCustomer").asBoolean());
        assertEquals("MERGE", pair.get("decision").asText(), "the evidence alone would still merge them");
        assertEquals(List.of("SPLIT", "BLOCK"), texts(pair.get("apart"), "kind"));
        JsonNode block = pair.get("apart").get(1).get("decision");
        assertEquals("SPLIT", block.get("type").asText());
        assertEquals("the son, same phone", block.get("reason").asText());
        JsonNode alone = get("customers/" + pair.get("customerB").asText() + "/why", HubClient.VIEWER);
        assertEquals(1, alone.get("records").size());
        assertEquals(0, alone.get("records").get(0).get("heldBy").size(), "nothing holds a record alone");
    }

    @Test
    void aMergedAwayIdAnswersWithItsSurvivorAndBadRequestsAreRefused() {
        String[] merged = hub.mergeTwoCustomers(source, TestData.rareName(run + "m"), TestData.mobile(run + "a"), TestData.mobile(run + "b"));
        String survivor = merged[0];
        String absorbed = merged[1];

        assertEquals(survivor, get("customers/" + absorbed + "/why", HubClient.VIEWER).get("customerId").asText());
        assertEquals(3, get("customers/" + absorbed + "/why", HubClient.VIEWER).get("records").size());
        assertEquals(survivor, get("customers/" + absorbed + "/timeline", HubClient.VIEWER).get("customerId").asText());

        assertEquals(404, hub.get("customers/C-none/why", HubClient.VIEWER).status());
        assertEquals(404, hub.get("explain?a=" + enc(source + ":A") + "&b=" + enc(source + ":none"), HubClient.VIEWER).status());
        HubClient.Response malformed = hub.get("explain?a=nocolon&b=" + enc(source + ":A"), HubClient.VIEWER);
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(malformed.json().get("error").asText().contains("<source>:<sourceId>"));
        assertEquals(400, hub.get("explain?a=" + enc(source + ":A") + "&b=" + enc(source + ":A"), HubClient.VIEWER).status());
    }

    private JsonNode explain(String a, String b) {
        return get("explain?a=" + enc(source + ":" + a) + "&b=" + enc(source + ":" + b), HubClient.VIEWER);
    }

    private JsonNode get(String path, String credentials) {
        HubClient.Response response = hub.get(path, credentials);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private ObjectNode person(String sourceId, String name, String phone) {
        return TestData.canonicalPerson(source, sourceId, name, phone);
    }

    private static Set<String> fields(JsonNode evidence) {
        return new TreeSet<>(texts(evidence, "field"));
    }

    private static JsonNode evidenceOf(JsonNode evidence, String field) {
        for (JsonNode e : evidence) {
            if (e.get("field").asText().equals(field)) {
                return e;
            }
        }
        throw new AssertionError("no " + field + " evidence in " + evidence);
    }

    private static double sum(JsonNode evidence) {
        double sum = 0;
        for (JsonNode e : evidence) {
            sum += e.get("weight").asDouble();
        }
        return sum;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.get(field).asText()));
        return texts;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String digits(String seed, int count) {
        return String.format("%0" + count + "d", Math.floorMod(TestData.mixed(seed), (long) Math.pow(10, count)));
    }

    /** Seventeen digits and their GB 11643 check character. */
    private static String residentId(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
