package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first end-to-end flow: ingest over HTTP, JMS, resolver, database, customer API. */
class RecordIngestIT extends DeployedHub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HubClient hub;
    /** Each test gets its own source ids and phone numbers: the database outlives a run. */
    private String run;
    private String phone;

    @BeforeEach
    void setUp() throws Exception {
        hub = hub();
        run = UUID.randomUUID().toString().substring(0, 8);
        phone = TestData.mobile(run);
    }

    @Test
    void healthIsUpWithEveryPart() {
        HubClient.Response health = hub.get("health", null);
        assertEquals(200, health.status(), health.body());
        JsonNode json = health.json();
        assertEquals("UP", json.get("status").asText());
        assertEquals("UP", json.get("database").get("status").asText());
        assertEquals("UP", json.get("broker").get("status").asText());
        assertEquals("UP", json.get("camel").get("status").asText());
        assertTrue(json.get("routes").size() >= 1, health.body());
    }

    @Test
    void postedRecordIsReadableAsCustomerByIdAndPhone() {
        HubClient.Response posted = hub.postRecords(HubClient.APP, record("A-1", "张伟", phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7)));
        assertEquals(202, posted.status(), posted.body());
        assertEquals(1, posted.json().get("accepted").asInt());

        JsonNode customer = awaitOneCustomerWithRecords(1);
        assertEquals("ACTIVE", customer.get("status").asText());
        assertEquals("张伟", customer.get("golden").get("name").get("value").asText());
        assertEquals("it-" + run, customer.get("golden").get("name").get("source").asText());

        HubClient.Response byId = hub.get("customers/" + customer.get("id").asText(), HubClient.VIEWER);
        assertEquals(200, byId.status(), byId.body());
        assertEquals(customer.get("id"), byId.json().get("id"));
    }

    @Test
    void samePostedTwiceGivesOneSourceRecord() {
        String line = record("A-2", "王芳", phone);
        assertEquals(202, hub.postRecords(HubClient.APP, line).status());
        JsonNode first = awaitOneCustomerWithRecords(1);
        assertEquals(202, hub.postRecords(HubClient.APP, line).status());
        // a later, different record on the same phone proves the queue has moved past the duplicate
        assertEquals(202, hub.postRecords(HubClient.APP, record("A-3", "王芳", phone)).status());
        JsonNode after = awaitOneCustomerWithRecords(2);
        assertEquals(first.get("id"), after.get("id"));
        assertEquals(2, after.get("sourceRecords").size());
    }

    @Test
    void theSameContentInALaterVersionAnnouncesNoChangeAndAStateBetweenTheTwoVersionsChangesNothing() throws Exception {
        assertEquals(202, hub.postRecords(HubClient.APP, versioned("V-1", "孙丽", phone, "2026-03-01T00:00:00Z").toString()).status());
        String customerId = awaitOneCustomerWithRecords(1).get("id").asText();
        List<String> events = new ArrayList<>();
        // a downstream application's account (hub-app) subscribes to the change events
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(MembershipQueueIT.BROKER, "app", "app-pass1!");
             JMSContext jms = factory.createContext()) {
            JMSConsumer consumer = jms.createConsumer(jms.createTopic("jms.topic.AtriumCustomerEvents"));
            jms.start();
            ObjectNode changed = versioned("V-1", "孙丽", phone, "2026-03-04T00:00:00Z");
            changed.putArray("emails").add(run + "@example.com");
            // One request, so one batch applies the three in this order: the suite runs two resolver sessions,
            // which may resolve two requests in either order (the stored version is right either way, but a
            // state between the two would then be a change when it came first, and announced as one).
            String body = String.join("\n",
                    // the same record touched at the source: a newer version, the same content
                    versioned("V-1", "孙丽", phone, "2026-03-03T00:00:00Z").toString(),
                    // a state between the two versions, older than the one now stored
                    versioned("V-1", "孙莉", phone, "2026-03-02T00:00:00Z").toString(),
                    changed.toString());
            assertEquals(202, hub.postRecords(HubClient.APP, body).status());
            JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> c.path("emails").size() == 1);
            assertEquals(customerId, customer.get("id").asText());
            assertEquals("孙丽", customer.get("golden").get("name").get("value").asText(), "the state between changed nothing");
            Message message;
            while ((message = consumer.receive(3000)) != null) {
                JsonNode event = JSON.readTree(message.getBody(String.class));
                if (("it-" + run).equals(event.path("source").asText()) && "V-1".equals(event.path("sourceId").asText())) {
                    events.add(event.get("type").asText());
                }
            }
        }
        assertEquals(List.of("RECORD_UPDATED"), events, "one event, for the one change of content");
    }

    @Test
    void theSameContentDeliveredAgainInABatchOfItsOwnStoresItsNewerVersion() {
        assertEquals(202, hub.postRecords(HubClient.APP, versioned("W-1", "周敏", phone, "2026-03-01T00:00:00Z").toString()).status());
        awaitOneCustomerWithRecords(1);
        // all the record changes is its version, which waits for the batch's flush at the commit
        assertEquals(202, hub.postRecords(HubClient.APP, versioned("W-1", "周敏", phone, "2026-03-03T00:00:00Z").toString()).status());
        JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> Instant.parse("2026-03-03T00:00:00Z")
                .equals(Instant.parse(c.get("sourceRecords").get(0).get("updatedAt").asText())));
        assertEquals(1, customer.get("sourceRecords").size());
    }

    @Test
    void aRecordBackToItsContentFromBeforeTheBatchFindsItsCandidatesThoughTheBatchDidNotReadThemAhead() {
        assertEquals(202, hub.postRecords(HubClient.APP, String.join("\n",
                versioned("X-1", "郑秀英", phone, "2026-03-01T00:00:00Z").toString(),
                versioned("X-2", "郑秀英", phone, "2026-03-01T00:00:00Z").toString())).status());
        String customerId = awaitOneCustomerWithRecords(2).get("id").asText();
        // One request, one batch: X-2 becomes somebody else, then comes back to the content stored before the batch.
        // The read-ahead leaves out a record that arrives with its stored content, so the second version's keys are
        // read when it is resolved; without them it would find nothing and stay apart.
        assertEquals(202, hub.postRecords(HubClient.APP, String.join("\n",
                versioned("X-2", "钱伟", TestData.mobile(run + "-other"), "2026-03-02T00:00:00Z").toString(),
                versioned("X-2", "郑秀英", phone, "2026-03-03T00:00:00Z").toString())).status());
        JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> {
            for (JsonNode record : c.get("sourceRecords")) {
                if ("X-2".equals(record.get("sourceId").asText())) {
                    return Instant.parse("2026-03-03T00:00:00Z").equals(Instant.parse(record.get("updatedAt").asText()));
                }
            }
            return false;
        });
        assertEquals(2, customer.get("sourceRecords").size());
        assertEquals(customerId, customer.get("id").asText());
    }

    @Test
    void brokenLinesAreRejectedWithReasonAndGoodLinesGoThrough() {
        String body = record("B-1", "李娜", phone) + "\n"
                + JSON.createObjectNode().put("source", "it-" + run) + "\n"
                + "not json at all\n"
                // the NUL goes escaped in the JSON: a valid line whose name PostgreSQL cannot store
                + record("B-3", "李\0娜", phone) + "\n"
                + record("B-2", "李娜", phone) + "\n";
        HubClient.Response posted = hub.postRecords(HubClient.APP, body);
        assertEquals(202, posted.status(), posted.body());
        JsonNode result = posted.json();
        assertEquals(2, result.get("accepted").asInt());
        assertEquals(3, result.get("rejected").asInt());
        assertEquals(4, result.get("rejections").get(2).get("line").asInt());
        assertEquals("name holds the control character U+0000 at character 2", result.get("rejections").get(2).get("reason").asText());
        assertEquals(2, result.get("rejections").get(0).get("line").asInt());
        assertEquals("missing required field 'sourceId'", result.get("rejections").get(0).get("reason").asText());
        assertEquals(3, result.get("rejections").get(1).get("line").asInt());
        assertTrue(result.get("rejections").get(1).get("reason").asText().startsWith("malformed JSON"));
        awaitOneCustomerWithRecords(2);
    }

    @Test
    void aRecordMayNotClaimANativeSourceABoundSourceOrAFutureTime() {
        String body = record("N-1", "李娜", phone).replace("\"it-" + run + "\"", "\"sales\"") + "\n"
                + record("N-2", "李娜", phone).replace("2026-03-01T02:15:30Z", "2099-01-01T00:00:00Z") + "\n"
                + record("N-3", "李娜", phone).replace("\"it-" + run + "\"", "\"it-bound\"") + "\n"
                + record("N-4", "李娜", phone) + "\n";
        HubClient.Response posted = hub.postRecords(HubClient.APP, body);
        assertEquals(202, posted.status(), posted.body());
        JsonNode rejections = posted.json().get("rejections");
        assertEquals(1, posted.json().get("accepted").asInt(), posted.body());
        assertEquals(1, rejections.get(0).get("line").asInt());
        assertTrue(rejections.get(0).get("reason").asText().contains("reserved for its connector"), posted.body());
        assertEquals(2, rejections.get(1).get("line").asInt());
        assertTrue(rejections.get(1).get("reason").asText().contains("in the future"), posted.body());
        assertEquals(3, rejections.get(2).get("line").asInt());
        assertTrue(rejections.get(2).get("reason").asText().contains("bound to other users"), posted.body());

        // the source is bound to admin in the tests' hub options (ear/pom.xml)
        HubClient.Response byItsWriter = hub.postRecords(HubClient.ADMIN, record("N-3", "李娜", phone).replace("\"it-" + run + "\"", "\"it-bound\""));
        assertEquals(202, byItsWriter.status(), byItsWriter.body());
        awaitOneCustomerWithRecords(2);
    }

    @Test
    void onlyBrokenLinesIsABadRequest() {
        HubClient.Response posted = hub.postRecords(HubClient.APP, "{\"sourceId\":\"x\"}");
        assertEquals(400, posted.status(), posted.body());
        assertEquals("missing required field 'source'", posted.json().get("rejections").get(0).get("reason").asText());
    }

    @Test
    void callsWithoutLoginOrWithTheWrongRoleAreRefused() {
        assertEquals(401, hub.postRecords(null, record("C-1", "x", phone)).status());
        assertEquals(401, hub.get("customers?phone=" + phone, null).status());
        assertEquals(401, hub.postRecords("app:wrong-password", record("C-1", "x", phone)).status());
        assertEquals(403, hub.postRecords(HubClient.VIEWER, record("C-1", "x", phone)).status());
        assertNotEquals(401, hub.get("health", null).status());
    }

    @Test
    void reindexRebuildsStoredRecordsInTheBackgroundAndMatchingGoesOn() {
        assertEquals(202, hub.postRecords(HubClient.APP, record("R-1", "赵敏", phone)).status());
        JsonNode before = awaitOneCustomerWithRecords(1);

        assertEquals(403, hub.post("resolver/reindex", HubClient.OPERATOR).status());
        assertEquals(403, hub.post("resolver/frequencies/refresh", HubClient.OPERATOR).status());
        HubClient.Response started = hub.post("resolver/reindex", HubClient.ADMIN);
        assertEquals(202, started.status(), started.body());
        JsonNode[] reindex = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            reindex[0] = hub.get("resolver", HubClient.OPERATOR).json().get("reindex");
            return !reindex[0].get("running").asBoolean() && reindex[0].hasNonNull("finishedAt");
        });
        assertFalse(reindex[0].hasNonNull("failure"), reindex[0].toString());
        assertTrue(reindex[0].get("records").asLong() >= 1, reindex[0].toString());

        // the re-indexed record is still found by its blocking keys: a second record on its phone joins it
        assertEquals(202, hub.postRecords(HubClient.APP, record("R-2", "赵敏", phone)).status());
        assertEquals(before.get("id"), awaitOneCustomerWithRecords(2).get("id"));
    }

    private JsonNode awaitOneCustomerWithRecords(int records) {
        return hub.awaitCustomerWithPhone(phone, records);
    }

    private String record(String sourceId, String name, String phoneNumber) {
        return versioned(sourceId, name, phoneNumber, "2026-03-01T02:15:30Z").toString();
    }

    private ObjectNode versioned(String sourceId, String name, String phoneNumber, String updatedAt) {
        ObjectNode record = JSON.createObjectNode()
                .put("source", "it-" + run)
                .put("sourceId", sourceId)
                .put("kind", "PERSON")
                .put("name", name)
                .put("updatedAt", updatedAt);
        record.putArray("phones").add(phoneNumber);
        return record;
    }
}
