package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import io.atrium.resolution.match.ComparisonLevel;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matcher inside the hub and the stewards' decisions, through the API: a record that matches two
 * customers merges them (the absorbed id points to the survivor, a change event says so), a pair in the
 * review band waits with its evidence until accepted (merge) or rejected (never), a split takes a record
 * out (blocked from coming back, or free to merge on new evidence), and every decision is audited and
 * can be undone. Names are unique per run ({@link StewardRecords}): the scores below are the settings' plain weights.
 */
class StewardIT extends DeployedHub {

    private static final String TOPIC = "jms.topic.AtriumCustomerEvents";

    private StewardRecords records;
    private HubClient hub;
    private String run;
    private String source;

    @BeforeEach
    void setUp() {
        records = new StewardRecords(hub());
        hub = records.hub;
        run = records.run;
        source = records.source;
    }

    @Test
    void recordMatchingTwoCustomersMergesThemAndTheAbsorbedIdPointsToTheSurvivor() throws JMSException {
        String name = records.uniqueName(0);
        String phoneA = TestData.mobile(run + "a");
        String phoneB = TestData.mobile(run + "b");
        records.post(records.person("A", name, phoneA));
        ObjectNode withEmail = records.person("B", name, phoneB).put("birthDate", "1984-05-06");
        withEmail.putArray("emails").add(run + "@example.com");
        records.post(withEmail);
        String customerA = hub.awaitCustomerWithPhone(phoneA, 1).get("id").asText();
        String customerB = hub.awaitCustomerWithPhone(phoneB, 1).get("id").asText();
        assertNotEquals(customerA, customerB, "a shared name alone is no match");

        List<JsonNode> events = new ArrayList<>();
        // a downstream application's account (hub-app) subscribes to the change events
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(MembershipQueueIT.BROKER, "app", "app-pass1!");
             JMSContext jms = factory.createContext()) {
            JMSConsumer consumer = jms.createConsumer(jms.createTopic(TOPIC));
            jms.start();
            ObjectNode bridge = records.person("C", name, phoneA).put("birthDate", "1984-05-06");
            bridge.putArray("emails").add(run + "@example.com");
            records.post(bridge);

            JsonNode merged = hub.awaitCustomerWithPhone(phoneA, 3);
            String survivor = merged.get("id").asText();
            String absorbed = survivor.equals(customerA) ? customerB : customerA;
            assertTrue(Set.of(customerA, customerB).contains(survivor), "one of the two ids survives");
            JsonNode gone = hub.get("customers/" + absorbed, HubClient.VIEWER).json();
            assertEquals("MERGED", gone.get("status").asText());
            assertEquals(survivor, gone.get("mergedInto").asText());
            assertEquals(Set.of("+86" + phoneA, "+86" + phoneB), values(merged.get("phones")));
            assertEquals("1984-05-06", merged.get("golden").get("birthDate").get("value").asText());

            Instant until = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(until) && events.stream().noneMatch(e -> "CUSTOMER_MERGED".equals(e.get("type").asText()))) {
                Message message = consumer.receive(1000);
                if (message != null) {
                    JsonNode event = json(message.getBody(String.class));
                    if (survivor.equals(event.get("customerId").asText())) {
                        events.add(event);
                    }
                }
            }
            JsonNode mergeEvent = events.stream().filter(e -> "CUSTOMER_MERGED".equals(e.get("type").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no CUSTOMER_MERGED event for " + survivor + ": " + events));
            assertEquals(absorbed, mergeEvent.get("relatedCustomerIds").get(0).asText());
            assertEquals(source, mergeEvent.get("source").asText());
        }
    }

    @Test
    void anAcceptWhileTheResolverUpdatesThePairsRecordsIsNeitherLostNorBreaksItsUndo() throws Exception {
        String phoneA = TestData.mobile(run + "a");
        String phoneB = TestData.mobile(run + "b");
        long link = records.reviewPair(phoneA, phoneB).get("linkId").asLong();
        int updates = 30;
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            // each update replaces record A's links: a resolver reading them before it locks would drop the accept
            Future<?> updating = sender.submit(() -> {
                for (int i = 1; i <= updates; i++) {
                    ObjectNode update = records.person("A", records.uniqueName(1), phoneA).put("birthDate", "1990-01-02")
                            .put("updatedAt", Instant.parse("2026-03-01T02:15:30Z").plusSeconds(i).toString());
                    update.putArray("emails").add("update" + i + "-" + run + "@example.com");
                    records.post(update);
                }
            });
            Thread.sleep(50);
            HubClient.Response accepted = hub.postJson("steward/reviews/" + link + "/accept", HubClient.ADMIN, reason("same person"));
            updating.get(60, TimeUnit.SECONDS);
            assertEquals(200, accepted.status(), accepted.body());

            String lastEmail = "update" + updates + "-" + run + "@example.com";
            JsonNode merged = hub.awaitCustomerWithPhone(phoneA, customer -> customer.get("sourceRecords").size() == 2
                    && values(customer.get("emails")).contains(lastEmail));
            assertEquals(merged.get("id"), hub.awaitCustomerWithPhone(phoneB, 2).get("id"), "the accepted pair stays one customer");

            HubClient.Response undone = hub.postJson("steward/actions/" + accepted.json().get("id").asLong() + "/undo",
                    HubClient.ADMIN, reason("wrong pair"));
            assertEquals(200, undone.status(), undone.body());
            assertEquals(2, undone.json().get("after").size(), "apart again");
        } finally {
            sender.shutdownNow();
        }
    }

    @Test
    void reviewPairWaitsWithItsEvidenceIsAcceptedByAStewardAndTheAcceptCanBeUndone() {
        String phoneA = TestData.mobile(run + "a");
        String phoneB = TestData.mobile(run + "b");
        JsonNode pair = records.reviewPair(phoneA, phoneB);
        assertTrue(pair.get("score").asDouble() >= 12 && pair.get("score").asDouble() < 24, pair.toString());
        assertTrue(pair.get("evidence").asText().contains("BIRTH_DATE"), pair.toString());
        double weights = 0;
        for (JsonNode field : pair.get("fieldEvidence")) {
            weights += field.get("weight").asDouble();
        }
        assertTrue(pair.get("fieldEvidence").findValuesAsText("field").contains("BIRTH_DATE"), pair.toString());
        assertEquals(pair.get("score").asDouble(), weights, 0.5, "the evidence per field adds up to the score: " + pair);
        assertEquals(records.uniqueName(1), pair.get("left").get("name").asText());
        long link = pair.get("linkId").asLong();

        assertEquals(403, hub.get("steward/reviews", HubClient.OPERATOR).status(), "stewardship is for hub-admin only");
        assertEquals(400, hub.postJson("steward/reviews/" + link + "/accept", HubClient.ADMIN, "{}").status(), "a reason is required");

        HubClient.Response accepted = hub.postJson("steward/reviews/" + link + "/accept", HubClient.ADMIN, reason("same person, checked by phone"));
        assertEquals(200, accepted.status(), accepted.body());
        JsonNode action = accepted.json();
        assertEquals("ACCEPT", action.get("type").asText());
        assertEquals("admin", action.get("actor").asText());
        assertEquals("same person, checked by phone", action.get("reason").asText());
        assertEquals(2, action.get("before").size(), "two customers before");
        assertEquals(1, action.get("after").size(), "one after");
        JsonNode merged = hub.awaitCustomerWithPhone(phoneA, 2);
        assertEquals(merged.get("id"), hub.awaitCustomerWithPhone(phoneB, 2).get("id"));
        assertEquals(409, hub.postJson("steward/reviews/" + link + "/accept", HubClient.ADMIN, reason("again")).status());

        HubClient.Response undone = hub.postJson("steward/actions/" + action.get("id").asLong() + "/undo", HubClient.ADMIN, reason("wrong pair"));
        assertEquals(200, undone.status(), undone.body());
        assertEquals(2, undone.json().get("after").size(), "apart again");
        assertEquals(1, hub.awaitCustomerWithPhone(phoneA, 1).get("sourceRecords").size());
        JsonNode audited = findAction(action.get("id").asLong());
        assertEquals(undone.json().get("id").asLong(), audited.get("undoneBy").asLong());
        assertEquals(409, hub.postJson("steward/actions/" + action.get("id").asLong() + "/undo", HubClient.ADMIN, reason("twice")).status());
        assertTrue(records.pendingPair(phoneA) != null, "an undone accept puts the pair back in review");
    }

    @Test
    void theQueueShowsTheStrongestPairFirstAndNeverAHouseholdInConflict() {
        JsonNode nameAndBirthDate = records.reviewPair(TestData.mobile(run + "a"), TestData.mobile(run + "b"));
        // a rare name at one address with different phones: a weaker pair (no birth date)
        String address = "广东省深圳市南山区科技园路" + Math.floorMod(run.hashCode(), 1000) + "号3栋1201";
        String phoneC = TestData.mobile(run + "c");
        records.post(records.person("C", records.uniqueName(5), phoneC).put("address", address));
        records.post(records.person("D", records.uniqueName(5), TestData.mobile(run + "d")).put("address", address));
        JsonNode[] nameAndAddress = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> (nameAndAddress[0] = records.pendingPair(phoneC)) != null);
        // a household: two names on one mobile and one address score higher than both, but can never be one customer
        String shared = TestData.mobile(run + "h");
        String home = "广东省深圳市福田区福华路" + Math.floorMod(run.hashCode(), 1000) + "号5栋802";
        records.post(records.person("H1", records.uniqueName(2), shared).put("address", home));
        records.post(records.person("H2", "司马" + records.uniqueName(3).substring(2), shared).put("address", home));
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.customersWithPhone(shared).size() == 2);

        HubClient.Response reviews = hub.get("steward/reviews?limit=1000", HubClient.ADMIN);
        assertEquals(200, reviews.status(), reviews.body());
        List<JsonNode> queue = new ArrayList<>();
        reviews.json().forEach(queue::add);
        List<Long> linkIds = queue.stream().map(pair -> pair.get("linkId").asLong()).toList();
        assertTrue(nameAndBirthDate.get("score").asDouble() > nameAndAddress[0].get("score").asDouble(), nameAndBirthDate + " " + nameAndAddress[0]);
        assertTrue(linkIds.indexOf(nameAndBirthDate.get("linkId").asLong()) < linkIds.indexOf(nameAndAddress[0].get("linkId").asLong()), linkIds.toString());
        assertEquals(null, records.pendingPair(shared), "no steward could merge the household: it is not in the queue");
        for (int i = 0; i < queue.size(); i++) {
            assertFalse(queue.get(i).get("conflict").asBoolean(), queue.get(i).toString());
            // by priority, the score unless review-priority settings order the queue (the last test below)
            assertTrue(i == 0 || queue.get(i - 1).get("priority").asDouble() >= queue.get(i).get("priority").asDouble(),
                    "highest priority first: " + queue.get(Math.max(0, i - 1)) + " then " + queue.get(i));
        }
    }

    @Test
    void aSurnameOnlyCallerOnAHouseholdsPhoneWaitsWithItsReasonUntilAStewardSaysWhoCalled() {
        // three generations on one mobile: customers who can never be one; a caller known only as 陈先生 on it
        String shared = TestData.mobile(run);
        records.post(records.person("FATHER", "陈建国", shared).put("gender", "M"));
        records.post(records.person("SON", "陈志明", shared).put("gender", "M"));
        records.post(records.person("GRANDSON", "陈浩然", shared).put("gender", "M"));
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.customersWithPhone(shared).size() == 3);
        records.post(records.person("CALLER", "陈先生", shared));
        await().atMost(Duration.ofSeconds(30)).until(() -> callerPairs().size() == 3);
        assertEquals(4, hub.customersWithPhone(shared).size(), "the caller stays alone: joined as before");
        Map<String, JsonNode> pairTo = new HashMap<>();
        for (JsonNode pair : callerPairs()) {
            assertTrue(pair.get("reason").asText().startsWith("a caller with a surname only"), pair.toString());
            assertFalse(pair.get("conflict").asBoolean(), pair.toString());
            pairTo.put(pair.get("right").get("sourceId").asText(), pair);
        }
        assertEquals(Set.of("FATHER", "SON", "GRANDSON"), pairTo.keySet(), callerPairs().toString());

        HubClient.Response rejected = hub.postJson("steward/reviews/" + pairTo.get("GRANDSON").get("linkId").asLong() + "/reject",
                HubClient.ADMIN, reason("the grandson is a child"));
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals(Set.of("FATHER", "SON"), waitingFor(), "the others still wait");
        HubClient.Response accepted = hub.postJson("steward/reviews/" + pairTo.get("FATHER").get("linkId").asLong() + "/accept",
                HubClient.ADMIN, reason("the father, by his voice"));
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(customerOf("FATHER"), customerOf("CALLER"), "the caller joins the customer the steward chose");
        assertNotEquals(customerOf("SON"), customerOf("CALLER"));
        assertEquals(Set.of(), waitingFor(), "the other candidates are no longer pending");

        HubClient.Response undone = hub.postJson("steward/actions/" + accepted.json().get("id").asLong() + "/undo", HubClient.ADMIN,
                reason("it was the son after all"));
        assertEquals(200, undone.status(), undone.body());
        assertEquals(Set.of("FATHER", "SON"), waitingFor(),
                "the candidates the accept rejected wait again; the one rejected on its own stays rejected");
        assertEquals(4, hub.customersWithPhone(shared).size(), "the caller alone again");
    }

    /** Whom the surname-only caller's pending pairs lead to. */
    private Set<String> waitingFor() {
        return callerPairs().stream().map(pair -> pair.get("right").get("sourceId").asText()).collect(Collectors.toSet());
    }

    /** The pending pairs of this run's surname-only caller. */
    private List<JsonNode> callerPairs() {
        List<JsonNode> pairs = new ArrayList<>();
        hub.get("steward/reviews?limit=1000", HubClient.ADMIN).json().forEach(pair -> {
            if (source.equals(pair.get("left").get("source").asText()) && "CALLER".equals(pair.get("left").get("sourceId").asText())) {
                pairs.add(pair);
            }
        });
        return pairs;
    }

    @Test
    void rejectedPairLeavesTheQueueAndStaysApartWhenARecordChanges() {
        String phoneA = TestData.mobile(run + "a");
        String phoneB = TestData.mobile(run + "b");
        JsonNode pair = records.reviewPair(phoneA, phoneB);
        HubClient.Response rejected = hub.postJson("steward/reviews/" + pair.get("linkId").asLong() + "/reject", HubClient.ADMIN,
                reason("different people: siblings"));
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECT", rejected.json().get("type").asText());
        assertEquals(null, records.pendingPair(phoneA));

        records.post(records.person("B", records.uniqueName(1), phoneB).put("birthDate", "1990-01-02").put("address", "上海市徐汇区漕溪北路" + Math.floorMod(run.hashCode(), 100) + "号")
                .put("updatedAt", "2026-04-01T00:00:00Z"));
        JsonNode changed = hub.awaitCustomerWithPhone(phoneB, c -> c.get("golden").has("address"));
        assertEquals(1, changed.get("sourceRecords").size(), "a rejected pair never merges");
        assertEquals(1, hub.awaitCustomerWithPhone(phoneA, 1).get("sourceRecords").size());
    }

    @Test
    void splitWithBlockKeepsTheRecordOutEvenWhenANewRecordMatchesBothAndUndoRestores() {
        String name = records.uniqueName(2);
        String phone = TestData.mobile(run);
        String customer = mergedPair(name, phone);

        HubClient.Response split = hub.postJson("steward/splits", HubClient.ADMIN, split("B", true, "B is the son, same phone"));
        assertEquals(200, split.status(), split.body());
        assertEquals("SPLIT", split.json().get("type").asText());
        assertEquals(2, split.json().get("after").size());
        assertEquals(List.of(1, 1), recordCounts(phone));
        assertEquals(customer, customerOf("A"), "the customer keeps its id; the split record gets a new one");

        ObjectNode third = records.person("C", name, phone);
        third.putArray("emails").add(run + "@example.com");
        records.post(third);
        await().atMost(Duration.ofSeconds(30)).until(() -> recordCounts(phone).stream().mapToInt(Integer::intValue).sum() == 3);
        assertEquals(List.of(1, 2), recordCounts(phone), "C joins one side; B never joins A again");
        assertNotEquals(customerOf("A"), customerOf("B"));

        HubClient.Response undone = hub.postJson("steward/actions/" + split.json().get("id").asLong() + "/undo", HubClient.ADMIN,
                reason("same person after all"));
        assertEquals(200, undone.status(), undone.body());
        assertEquals(List.of(3), recordCounts(phone));
    }

    @Test
    void splitWithoutBlockLetsNewEvidenceMergeTheRecordBack() {
        String name = records.uniqueName(3);
        String phone = TestData.mobile(run);
        mergedPair(name, phone);
        HubClient.Response split = hub.postJson("steward/splits", HubClient.ADMIN, split("B", false, "let the next update decide"));
        assertEquals(200, split.status(), split.body());
        assertEquals(List.of(1, 1), recordCounts(phone));

        records.post(records.person("B", name, phone).put("address", "北京市朝阳区建国路" + Math.floorMod(run.hashCode(), 100) + "号")
                .put("updatedAt", "2026-04-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> recordCounts(phone).equals(List.of(2)));
    }

    @Test
    void unknownTargetsAndImpossibleRequestsAreRefusedWithTheirReason() {
        assertEquals(404, hub.postJson("steward/reviews/999999999/accept", HubClient.ADMIN, reason("x")).status());
        assertEquals(404, hub.postJson("steward/actions/999999999/undo", HubClient.ADMIN, reason("x")).status());
        HubClient.Response unknown = hub.postJson("steward/splits", HubClient.ADMIN, split("nope", true, "x"));
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(unknown.json().get("error").asText().contains(source + "/nope"));

        String phone = TestData.mobile(run);
        records.post(records.person("A", records.uniqueName(4), phone));
        hub.awaitCustomerWithPhone(phone, 1);
        HubClient.Response alone = hub.postJson("steward/splits", HubClient.ADMIN, split("A", true, "x"));
        assertEquals(409, alone.status(), alone.body());
        assertTrue(alone.json().get("error").asText().contains("nothing to split"));
    }

    /** Records A and B with one name and one mobile: merged; returns their customer's id. */
    private String mergedPair(String name, String phone) {
        records.post(records.person("A", name, phone));
        records.post(records.person("B", name, phone));
        return hub.awaitCustomerWithPhone(phone, 2).get("id").asText();
    }

    private JsonNode findAction(long id) {
        for (JsonNode action : hub.get("steward/actions?limit=1000", HubClient.ADMIN).json()) {
            if (action.get("id").asLong() == id) {
                return action;
            }
        }
        throw new AssertionError("no audited action " + id);
    }

    /** Source records per active customer with this phone, ascending. */
    private List<Integer> recordCounts(String phone) {
        List<Integer> counts = new ArrayList<>();
        hub.customersWithPhone(phone).forEach(c -> counts.add(c.get("sourceRecords").size()));
        counts.sort(null);
        return counts;
    }

    private String customerOf(String sourceId) {
        for (JsonNode customer : hub.customersWithPhone(TestData.mobile(run))) {
            for (JsonNode record : customer.get("sourceRecords")) {
                if (sourceId.equals(record.get("sourceId").asText())) {
                    return customer.get("id").asText();
                }
            }
        }
        throw new AssertionError("no customer holds " + sourceId);
    }

    private String split(String sourceId, boolean block, String reason) {
        return TestData.JSON.createObjectNode().put("source", source).put("sourceId", sourceId).put("block", block)
                .put("reason", reason).toString();
    }

    private static String reason(String reason) {
        return TestData.JSON.createObjectNode().put("reason", reason).toString();
    }

    private static JsonNode json(String body) {
        try {
            return TestData.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }

    private static Set<String> values(JsonNode goldenValues) {
        Set<String> values = new TreeSet<>();
        goldenValues.forEach(v -> values.add(v.get("value").asText()));
        return values;
    }

    /**
     * The queue in the order of {@code atrium.match.review-priority-settings-file} (the suite names a file in target/,
     * absent but for this test; the hub reads it again at a recount): a pair whose name and birth date agree scores
     * above one whose name and e-mail agree with the genders against it, but these settings weigh the e-mail far above
     * the birth date, so the second comes first. Its priority passes the merge threshold, yet it stays a review pair:
     * the matcher decides by the score.
     */
    @Test
    void theQueueFollowsTheReviewPrioritySettingsWhileDecisionsStayWithTheScore() throws IOException {
        Path prioritySettings = Path.of(System.getProperty("atrium.it.review-priority-settings-file"));
        Files.writeString(prioritySettings, emailOverBirthDate().toJson());
        try {
            recount();
            String birthA = TestData.mobile(run + "ba");
            String birthB = TestData.mobile(run + "bb");
            records.post(records.person("BA", records.uniqueName(11), birthA).put("birthDate", "1979-03-04"));
            records.post(records.person("BB", records.uniqueName(11), birthB).put("birthDate", "1979-03-04"));
            String mailA = TestData.mobile(run + "ma");
            String mailB = TestData.mobile(run + "mb");
            ObjectNode mail = records.person("MA", records.uniqueName(12), mailA).put("gender", "F");
            mail.putArray("emails").add(run + "-m@example.com");
            records.post(mail);
            records.post(mail.deepCopy().put("sourceId", "MB").put("gender", "M").set("phones", TestData.JSON.createArrayNode().add(mailB)));
            JsonNode[] pairs = new JsonNode[2];
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    (pairs[0] = records.pendingPair(birthA)) != null && (pairs[1] = records.pendingPair(mailA)) != null);
            JsonNode byBirth = pairs[0];
            JsonNode byMail = pairs[1];

            assertTrue(byBirth.get("score").asDouble() > byMail.get("score").asDouble(), byBirth + " / " + byMail);
            assertTrue(byMail.get("priority").asDouble() > byBirth.get("priority").asDouble(), byBirth + " / " + byMail);
            List<Long> queue = new ArrayList<>();
            hub.get("steward/reviews?limit=1000", HubClient.ADMIN).json().forEach(pair -> queue.add(pair.get("linkId").asLong()));
            assertTrue(queue.indexOf(byMail.get("linkId").asLong()) < queue.indexOf(byBirth.get("linkId").asLong()),
                    "the e-mail pair is met first");
            // a priority above the merge threshold (22 bits) merges nothing: the pair waits, its records apart
            assertTrue(byMail.get("priority").asDouble() > 22 && byMail.get("score").asDouble() < 22, byMail.toString());
            assertNotEquals(byMail.get("left").get("customerId"), byMail.get("right").get("customerId"));
            // off the queue, so that no later test meets a pair this test ordered
            for (JsonNode pair : pairs) {
                HubClient.Response rejected = hub.postJson("steward/reviews/" + pair.get("linkId").asLong() + "/reject",
                        HubClient.ADMIN, reason("ordered by a test's settings"));
                assertEquals(200, rejected.status(), rejected.body());
            }
        } finally {
            Files.deleteIfExists(prioritySettings);
            recount();
        }
    }

    /** Settings that make an e-mail in common near certain and a birth date in common weak, to order by. */
    private static MatchSettings emailOverBirthDate() {
        MatchSettings defaults = MatchSettings.defaults();
        Map<FieldKind, MatchSettings.FieldSettings> fields = new EnumMap<>(defaults.fields());
        fields.put(FieldKind.EMAIL, withLevel(fields.get(FieldKind.EMAIL), ComparisonLevel.EXACT, new MatchSettings.LevelSettings(0.5, 1e-9, false)));
        fields.put(FieldKind.BIRTH_DATE, withLevel(fields.get(FieldKind.BIRTH_DATE), ComparisonLevel.EXACT, new MatchSettings.LevelSettings(0.5, 0.1, false)));
        return defaults.withFields(fields);
    }

    private static MatchSettings.FieldSettings withLevel(MatchSettings.FieldSettings field, ComparisonLevel level,
                                                         MatchSettings.LevelSettings settings) {
        Map<ComparisonLevel, MatchSettings.LevelSettings> levels = new EnumMap<>(field.levels());
        levels.put(level, settings);
        return new MatchSettings.FieldSettings(field.tfCap(), levels);
    }

    private void recount() {
        HubClient.Response recounted = hub.post("resolver/frequencies/refresh", HubClient.ADMIN);
        assertEquals(200, recounted.status(), recounted.body());
    }
}
