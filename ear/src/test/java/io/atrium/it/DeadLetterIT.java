package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dead-letter queue as operators use it: a record the resolver rejects is parked after
 * its delivery attempts with the reason, listed with personal data masked, and parked again
 * when replayed; a message parked by a passing cause (put on the queue as Artemis would
 * have parked it) resolves when replayed. Depths show on health and connectors. On
 * PostgreSQL, a lock timeout lasting longer than every delivery attempt parks nothing.
 */
class DeadLetterIT extends DeployedHub {

    /** Broker deliveries (and waits of 0.5, 1, 2, 4 s between them) before a rejected record is parked. */
    private static final Duration PARKED_WITHIN = Duration.ofSeconds(60);
    /** A canonical source id longer than the column holding it: valid input, refused by the database. */
    private static final int TOO_LONG = 200;

    /**
     * The refused record carries no phone and no Chinese name: PostgreSQL's driver quotes a failed
     * batch's values, and the container logs the failure (the suite's log scan would flag them).
     * The intake refuses such a record now; one that got past it (an older version's intake) is put
     * on the dead-letter queue as Artemis parks a message, and the test replays it onto the resolver queue.
     */
    @Test
    void aRecordTheDatabaseRefusesIsParkedWithItsReasonAndParkedAgainWhenReplayed() throws JMSException {
        HubClient hub = hub();
        String run = TestData.runId();
        String sourceId = letters("dlq", run) + "z".repeat(TOO_LONG - "dlq".length() - run.length());
        JsonNode record = TestData.JSON.createObjectNode()
                .put("source", "dlq-test").put("sourceId", sourceId).put("kind", "PERSON")
                .put("name", "Parked Record").put("updatedAt", "2026-03-01T02:15:30Z");
        HubClient.Response posted = hub.postRecords(HubClient.APP, record.toString());
        assertEquals(400, posted.status(), posted.body());
        assertEquals("sourceId has " + TOO_LONG + " characters, more than the 128 the hub stores",
                posted.json().get("rejections").get(0).get("reason").asText());

        String placed = parkAsArtemisWould(record);
        assertEquals(200, hub.post("dlq/replay?messageId=" + encode(placed), HubClient.OPERATOR).status());
        JsonNode parked = awaitParked(hub, m -> m.get("content").asText().contains(sourceId)
                && !m.get("messageId").asText().equals(placed));
        assertEquals("AtriumRecords", parked.get("originalQueue").asText());
        assertEquals(5, parked.get("deliveries").asInt());
        assertTrue(parked.get("reason").asText().contains("SQLState 22001"), parked.toString());
        assertTrue(parked.hasNonNull("parkedAt"));

        HubClient.Response replayed = hub.post("dlq/replay?messageId=" + encode(parked.get("messageId").asText()), HubClient.OPERATOR);
        assertEquals(200, replayed.status(), replayed.body());
        assertEquals(1, replayed.json().get("replayed").asInt());
        JsonNode parkedAgain = awaitParked(hub, m -> m.get("content").asText().contains(sourceId)
                && !m.get("messageId").asText().equals(parked.get("messageId").asText())
                && !m.get("messageId").asText().equals(placed));
        assertEquals(1, parkedMatching(hub, m -> m.get("content").asText().contains(sourceId)), "parked once, not twice");

        String discard = "dlq/discard?messageId=" + encode(parkedAgain.get("messageId").asText());
        assertEquals(400, hub.post(discard, HubClient.OPERATOR).status(), "a discard needs a reason");
        assertEquals(1, parkedMatching(hub, m -> m.get("content").asText().contains(sourceId)), "a refused discard takes nothing");
        String reason = "{\"reason\": \"sourceId over its column: the source fixes it\"}";
        HubClient.Response discarded = hub.postJson(discard, HubClient.OPERATOR, reason);
        assertEquals(200, discarded.status(), discarded.body());
        assertEquals(0, parkedMatching(hub, m -> m.get("content").asText().contains(sourceId)));
        assertEquals(404, hub.postJson(discard, HubClient.OPERATOR, reason).status());

        JsonNode audited = StreamSupport.stream(hub.get("dlq/discards?limit=1000", HubClient.OPERATOR).json().spliterator(), false)
                .filter(d -> d.get("messageId").asText().equals(parkedAgain.get("messageId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the discard is not listed"));
        assertEquals("operator", audited.get("actor").asText());
        assertEquals("sourceId over its column: the source fixes it", audited.get("reason").asText());
        assertEquals("AtriumRecords", audited.get("originalQueue").asText());
        assertTrue(audited.get("failure").asText().contains("SQLState 22001"), audited.toString());
        assertEquals(discarded.json().get("id"), audited.get("id"), "the discard answers its audit entry");
    }

    @Test
    void aMessageParkedByAPassingCauseResolvesWhenReplayedAndTheDepthShowsMeanwhile() throws JMSException {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run + "t");
        String messageId = parkAsArtemisWould(TestData.canonicalPerson("dlq-test", "T-" + run, "李娜", phone));

        JsonNode parked = awaitParked(hub, m -> m.get("messageId").asText().equals(messageId));
        assertEquals("AtriumRecords", parked.get("originalQueue").asText());
        String content = parked.get("content").asText();
        assertFalse(content.contains(phone), "phone masked: " + content);
        assertTrue(content.contains(phone.substring(phone.length() - 4)), content);
        assertFalse(content.contains("李娜"), "name masked: " + content);

        HubClient.Response health = hub.get("health", null);
        assertEquals(200, health.status(), "parked messages do not take the hub out: " + health.body());
        assertEquals("DEGRADED", health.json().get("status").asText(), health.body());
        assertTrue(depth(health.json().get("queues"), "AtriumDLQ") >= 1, health.body());
        JsonNode connectors = hub.get("connectors", HubClient.OPERATOR).json();
        assertTrue(depth(connectors.get("queues"), "AtriumDLQ") >= 1, connectors.toString());
        assertTrue(depth(connectors.get("queues"), "AtriumRecords") >= 0, connectors.toString());

        assertEquals(403, hub.get("dlq", HubClient.VIEWER).status());
        assertEquals(403, hub.post("dlq/replay", HubClient.APP).status());
        assertEquals(401, hub.post("dlq/replay", null).status());
        assertEquals(404, hub.post("dlq/replay?messageId=" + encode("ID:" + run), HubClient.OPERATOR).status());

        HubClient.Response replayed = hub.post("dlq/replay", HubClient.OPERATOR);
        assertEquals(200, replayed.status(), replayed.body());
        assertTrue(replayed.json().get("replayed").asInt() >= 1, replayed.body());
        JsonNode customer = hub.awaitCustomerWithPhone(phone, 1);
        assertEquals("T-" + run, customer.get("sourceRecords").get(0).get("sourceId").asText(), customer.toString());
        assertEquals(0, parkedMatching(hub, m -> m.get("messageId").asText().equals(messageId)));
    }

    /**
     * A real transient failure, on the PostgreSQL run: the hub's connections give up on a lock
     * after 300 ms (55P03) and the test holds an exclusive lock on `source_record` for longer than
     * the broker's five deliveries would take to park a record. Nothing is parked; the record
     * resolves once the lock is released.
     */
    @Test
    @EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly-postgresql")
    void aLockTimeoutOutlastingEveryDeliveryAttemptParksNothingAndTheRecordResolvesAfterIt() throws SQLException {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run + "l");
        String sourceId = letters("lock", run);
        try (Connection db = DriverManager.getConnection(System.getProperty("atrium.test.db.url"),
                System.getProperty("atrium.test.db.user"), System.getProperty("atrium.test.db.password"))) {
            String database = db.getCatalog();
            try {
                execute(db, "ALTER DATABASE \"" + database + "\" SET lock_timeout = '300ms'");
                closeHubConnections(db);
                db.setAutoCommit(false);
                execute(db, "LOCK TABLE source_record IN ACCESS EXCLUSIVE MODE");
                HubClient.Response posted = hub.postRecords(HubClient.APP,
                        TestData.canonicalPerson("dlq-test", sourceId, "王芳", phone).toString());
                assertEquals(202, posted.status(), posted.body());
                // five failed attempts in a row: as many as the broker allows before it parks a message
                await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() ->
                        hub.get("health", null).json().get("resolver").get("failures").asLong() >= 5);
                JsonNode health = hub.get("health", null).json();
                assertEquals("DEGRADED", health.get("status").asText(), health.toString());
                assertTrue(health.get("resolver").get("waiting").asBoolean(), health.toString());
                assertTrue(health.get("resolver").get("lastFailure").asText().contains("55P03"), health.toString());
                db.rollback();
            } finally {
                db.setAutoCommit(true);
                execute(db, "ALTER DATABASE \"" + database + "\" RESET lock_timeout");
                closeHubConnections(db);
            }
        }
        JsonNode customer = hub.awaitCustomerWithPhone(phone, 1);
        assertEquals(sourceId, customer.get("sourceRecords").get(0).get("sourceId").asText());
        assertEquals(0, parkedMatching(hub, m -> m.get("content").asText().contains(sourceId)));
        JsonNode resolver = hub.get("connectors", HubClient.OPERATOR).json().get("resolver");
        assertFalse(resolver.get("waiting").asBoolean(), resolver.toString());
        assertTrue(resolver.hasNonNull("recoveredAt"), resolver.toString());
    }

    /**
     * A message of the resolver queue's format (one canonical message per line, here one per party) put on
     * AtriumDLQ as Artemis parks one: the way to reach the resolver with records the intake would refuse.
     */
    static String parkAsArtemisWould(JsonNode... parties) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(MembershipQueueIT.BROKER, "admin", "admin-pass1!");
             JMSContext jms = factory.createContext()) {
            StringBuilder lines = new StringBuilder();
            for (JsonNode party : parties) {
                JsonNode line = TestData.JSON.createObjectNode().set("party", party);
                lines.append(lines.isEmpty() ? "" : "\n").append(line);
            }
            TextMessage message = jms.createTextMessage(lines.toString());
            message.setStringProperty("_AMQ_ORIG_ADDRESS", "jms.queue.AtriumRecords");
            message.setIntProperty("count", parties.length);
            jms.createProducer().send(jms.createQueue("jms.queue.AtriumDLQ"), message);
            return message.getJMSMessageID();
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * The pool destroys the connections the server closed (its exception sorter on the first failed statement, its
     * background check for idle ones) and opens new ones, which take the new setting.
     */
    private static void closeHubConnections(Connection db) throws SQLException {
        execute(db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }

    private static JsonNode awaitParked(HubClient hub, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(PARKED_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            found[0] = parked(hub).filter(condition).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static long parkedMatching(HubClient hub, Predicate<JsonNode> condition) {
        return parked(hub).filter(condition).count();
    }

    private static java.util.stream.Stream<JsonNode> parked(HubClient hub) {
        HubClient.Response listed = hub.get("dlq?limit=1000", HubClient.OPERATOR);
        assertEquals(200, listed.status(), listed.body());
        return java.util.stream.StreamSupport.stream(listed.json().spliterator(), false);
    }

    private static long depth(JsonNode queues, String queue) {
        Optional<JsonNode> found = java.util.stream.StreamSupport.stream(queues.spliterator(), false)
                .filter(q -> queue.equals(q.get("queue").asText())).findFirst();
        assertTrue(found.isPresent() && found.get().hasNonNull("messages"), queues.toString());
        return found.get().get("messages").asLong();
    }

    /** A source id of letters only, which the mask leaves readable in the listing. */
    private static String letters(String prefix, String run) {
        StringBuilder id = new StringBuilder(prefix);
        run.chars().forEach(c -> id.append((char) ('a' + Character.digit(c, 16))));
        return id.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
