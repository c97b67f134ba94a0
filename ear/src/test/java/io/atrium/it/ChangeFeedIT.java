package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Change events as downstream systems receive them: a subscriber of the topic (as the `app` user,
 * over the broker's HTTP port) gets one event for a create, a merge and a split, each with its
 * position in the changes feed, and none for a transaction that rolled back; a client that pages
 * through `GET /customers/changes` with its cursor sees every change once, in order, with the same
 * positions and content as the topic.
 */
class ChangeFeedIT extends DeployedHub {

    private static final String TOPIC = "jms.topic.AtriumCustomerEvents";
    private static final Duration ANNOUNCED_WITHIN = Duration.ofSeconds(30);

    private HubClient hub;
    private String run;
    private String source;

    @BeforeEach
    void setUp() {
        hub = hub();
        run = TestData.runId();
        source = "feed-" + run;
    }

    @Test
    void createMergeAndSplitReachTheTopicAndTheFeedOnceEachInCommitOrder() throws JMSException {
        String name = "Quill " + letters(run);
        String phoneA = TestData.mobile(run + "a");
        String phoneB = TestData.mobile(run + "b");
        try (Subscriber topic = new Subscriber()) {
            post(person("A", name, phoneA));
            ObjectNode withEmail = person("B", name, phoneB).put("birthDate", "1984-05-06");
            withEmail.putArray("emails").add(run + "@example.com");
            post(withEmail);
            String customerA = hub.awaitCustomerWithPhone(phoneA, 1).get("id").asText();
            String customerB = hub.awaitCustomerWithPhone(phoneB, 1).get("id").asText();
            assertNotEquals(customerA, customerB, "a shared name alone is no match");
            JsonNode createdA = topic.await(e -> is(e, "CUSTOMER_CREATED", customerA));
            JsonNode createdB = topic.await(e -> is(e, "CUSTOMER_CREATED", customerB));
            assertEquals(source, createdA.get("source").asText());
            assertEquals("A", createdA.get("sourceId").asText());

            ObjectNode bridge = person("C", name, phoneA).put("birthDate", "1984-05-06");
            bridge.putArray("emails").add(run + "@example.com");
            post(bridge);
            String survivor = hub.awaitCustomerWithPhone(phoneA, 3).get("id").asText();
            String absorbed = survivor.equals(customerA) ? customerB : customerA;
            JsonNode merged = topic.await(e -> is(e, "CUSTOMER_MERGED", survivor));
            assertEquals(List.of(absorbed), texts(merged.get("relatedCustomerIds")));
            assertEquals("C", merged.get("sourceId").asText());

            HubClient.Response split = hub.postJson("steward/splits", HubClient.ADMIN, TestData.JSON.createObjectNode()
                    .put("source", source).put("sourceId", "C").put("block", true).put("reason", "feed test").toString());
            assertEquals(200, split.status(), split.body());
            JsonNode splitEvent = topic.await(e -> is(e, "CUSTOMER_SPLIT", survivor));
            assertTrue(!splitEvent.hasNonNull("source"), "a steward's decision names no record: " + splitEvent);

            List<JsonNode> announced = List.of(createdA, createdB, merged, splitEvent);
            // A and B were posted apart and may commit in either order (the suite runs two resolver sessions); the
            // merge commits after both, the split after the merge
            long first = Math.min(position(createdA), position(createdB));
            assertTrue(position(merged) > Math.max(position(createdA), position(createdB)), "later commits have higher positions: " + announced);
            assertTrue(position(splitEvent) > position(merged), "later commits have higher positions: " + announced);

            // a client that stored the position before the first change pages on with its cursor
            long cursor = first - 1;
            long last = position(splitEvent);
            List<JsonNode> paged = new ArrayList<>();
            while (cursor < last) {
                JsonNode page = changes(cursor, 2);
                assertTrue(page.get("changes").size() > 0, "the feed stops short of position " + last + " at " + cursor);
                page.get("changes").forEach(paged::add);
                cursor = page.get("next").asLong();
            }
            for (int i = 0; i < paged.size(); i++) {
                assertEquals(first + i, position(paged.get(i)), "consecutive positions, none missed or repeated: " + paged);
            }
            for (JsonNode event : announced) {
                JsonNode inFeed = paged.get((int) (position(event) - first));
                assertEquals(event, inFeed, "the topic's event and the feed's entry at its position");
            }
        }
    }

    /**
     * A batch whose second record the database refuses rolls back whole, and its records are then
     * applied one by one: the first record's customer is created once, so exactly one event names it,
     * and the rolled-back attempt left no event and no position behind. The intake refuses a record the
     * database would, so the batch reaches the resolver as a parked message replayed.
     */
    @Test
    void aRolledBackTransactionAnnouncesNothing() throws JMSException {
        String phone = TestData.mobile(run + "r");
        String refused = letters(run) + "z".repeat(200);
        try (Subscriber topic = new Subscriber()) {
            String placed = DeadLetterIT.parkAsArtemisWould(person("ok", "Quill " + letters(run), phone),
                    TestData.JSON.createObjectNode().put("source", source).put("sourceId", refused).put("kind", "PERSON")
                            .put("name", "Refused Record").put("updatedAt", "2026-03-01T02:15:30Z"));
            assertEquals(200, hub.post("dlq/replay?messageId=" + URLEncoder.encode(placed, StandardCharsets.UTF_8),
                    HubClient.OPERATOR).status());
            String customer = hub.awaitCustomerWithPhone(phone, 1).get("id").asText();
            JsonNode created = topic.await(e -> is(e, "CUSTOMER_CREATED", customer));

            List<JsonNode> ours = topic.receiveFor(Duration.ofSeconds(3), e -> source.equals(e.path("source").asText(null)));
            assertEquals(List.of(created), ours.stream().filter(e -> "ok".equals(e.get("sourceId").asText())).toList(),
                    "one event for the record applied twice, once in a rolled-back batch");
            assertTrue(ours.stream().noneMatch(e -> refused.equals(e.get("sourceId").asText())), ours.toString());

            JsonNode around = changes(position(created) - 1, 1).get("changes");
            assertEquals(created, around.get(0), "the feed holds the committed change at the topic's position");
        } finally {
            discardParked(refused);
        }
    }

    /**
     * The resolver and stewards commit concurrently while a client polls with small pages: what the
     * client collected is exactly the feed read afterwards, with consecutive positions, so no change that
     * committed late behind a later one was skipped.
     */
    @Test
    void aClientPollingDuringConcurrentResolverAndStewardCommitsMissesNothing() throws Exception {
        int pairs = 3;
        int records = 30;
        for (int k = 0; k < pairs; k++) {
            String phone = TestData.mobile(run + "p" + k);
            post(person("P" + k + "a", "Quill " + letters(run + k), phone));
            post(person("P" + k + "b", "Quill " + letters(run + k), phone));
            hub.awaitCustomerWithPhone(phone, 2);
        }
        long start = head();
        List<JsonNode> polled = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> poller = threads.submit(() -> {
                long cursor = start;
                boolean drained = false;
                while (writing.get() || !drained) {
                    JsonNode page = changes(cursor, 3);
                    page.get("changes").forEach(polled::add);
                    cursor = page.get("next").asLong();
                    drained = page.get("changes").isEmpty();
                    Thread.sleep(20);
                }
                return null;
            });
            Future<?> resolver = threads.submit(() -> {
                for (int i = 0; i < records; i++) {
                    post(person("N" + i, "Quill " + letters(run + "n" + i), TestData.mobile(run + "n" + i)));
                }
            });
            Future<?> stewards = threads.submit(() -> {
                for (int k = 0; k < pairs; k++) {
                    HubClient.Response split = hub.postJson("steward/splits", HubClient.ADMIN, TestData.JSON.createObjectNode()
                            .put("source", source).put("sourceId", "P" + k + "b").put("block", false).put("reason", "feed test").toString());
                    assertEquals(200, split.status(), split.body());
                    HubClient.Response undone = hub.postJson("steward/actions/" + split.json().get("id").asLong() + "/undo",
                            HubClient.ADMIN, TestData.JSON.createObjectNode().put("reason", "feed test").toString());
                    assertEquals(200, undone.status(), undone.body());
                }
            });
            resolver.get(60, TimeUnit.SECONDS);
            stewards.get(60, TimeUnit.SECONDS);
            hub.awaitCustomerWithPhone(TestData.mobile(run + "n" + (records - 1)), 1);
            writing.set(false);
            poller.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        for (int i = 0; i < records; i++) {
            String sourceId = "N" + i;
            assertEquals(1, polled.stream().filter(e -> sourceId.equals(e.path("sourceId").asText())).count(), "the create of " + sourceId);
        }
        for (int i = 0; i < polled.size(); i++) {
            assertEquals(start + 1 + i, position(polled.get(i)), "consecutive positions, none skipped or repeated");
        }
        List<JsonNode> feed = new ArrayList<>();
        for (JsonNode page = changes(start, polled.size()); feed.size() < polled.size(); page = changes(page.get("next").asLong(), polled.size())) {
            page.get("changes").forEach(feed::add);
        }
        assertEquals(feed.subList(0, polled.size()), polled, "what the polling client collected, against the feed read afterwards");
    }

    /** The last position in the feed now. */
    private long head() {
        long cursor = 0;
        for (JsonNode page = changes(0, 1000); !page.get("changes").isEmpty(); page = changes(cursor, 1000)) {
            cursor = page.get("next").asLong();
        }
        return cursor;
    }

    @Test
    void theFeedIsForSystemsAndRefusesABadCursorWithAReason() {
        assertEquals(403, hub.get("customers/changes", HubClient.VIEWER).status());
        assertEquals(200, hub.get("customers/changes?limit=1", HubClient.ADMIN).status());
        HubClient.Response bad = hub.get("customers/changes?after=yesterday", HubClient.APP);
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.json().get("error").asText().contains("after"), bad.body());
        JsonNode end = changes(Long.MAX_VALUE - 1, 10);
        assertEquals(0, end.get("changes").size());
        assertEquals(Long.MAX_VALUE - 1, end.get("next").asLong(), "with nothing new the cursor stays");
    }

    private JsonNode changes(long after, int limit) {
        HubClient.Response page = hub.get("customers/changes?after=" + after + "&limit=" + limit, HubClient.APP);
        assertEquals(200, page.status(), page.body());
        return page.json();
    }

    /** The refused record is parked after its delivery attempts; it is dropped so the queue stays clean. */
    private void discardParked(String sourceId) {
        String[] messageId = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode parked : hub.get("dlq", HubClient.OPERATOR).json()) {
                if (parked.get("content").asText().contains(sourceId)) {
                    messageId[0] = parked.get("messageId").asText();
                    return true;
                }
            }
            return false;
        });
        assertEquals(200, hub.postJson("dlq/discard?messageId=" + URLEncoder.encode(messageId[0], StandardCharsets.UTF_8),
                HubClient.OPERATOR, "{\"reason\": \"ChangeFeedIT: refused on purpose\"}").status());
    }

    private void post(ObjectNode record) {
        HubClient.Response posted = hub.postRecords(HubClient.APP, record.toString());
        assertEquals(202, posted.status(), posted.body());
    }

    private ObjectNode person(String sourceId, String name, String phone) {
        return TestData.canonicalPerson(source, sourceId, name, phone);
    }

    private static boolean is(JsonNode event, String type, String customerId) {
        return type.equals(event.get("type").asText()) && customerId.equals(event.get("customerId").asText());
    }

    private static long position(JsonNode event) {
        return event.get("position").asLong();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    /** A family name no other run uses: hex digits as letters. */
    private static String letters(String run) {
        StringBuilder name = new StringBuilder();
        run.chars().forEach(c -> name.append((char) (Character.isDigit(c) ? 'q' + (c - '0') % 10 : c)));
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A non-durable subscription of the topic as a downstream application (hub-app) has it. */
    private static final class Subscriber implements AutoCloseable {

        private final ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(MembershipQueueIT.BROKER, "app", "app-pass1!");
        private final JMSContext jms = factory.createContext();
        private final JMSConsumer consumer = jms.createConsumer(jms.createTopic(TOPIC));
        private final List<JsonNode> received = new ArrayList<>();

        Subscriber() {
            jms.start();
        }

        /** The first event, received so far or within the wait, that satisfies the condition. */
        JsonNode await(Predicate<JsonNode> condition) throws JMSException {
            Instant until = Instant.now().plus(ANNOUNCED_WITHIN);
            do {
                for (JsonNode event : received) {
                    if (condition.test(event)) {
                        return event;
                    }
                }
            } while (receive(until));
            throw new AssertionError("no such event within " + ANNOUNCED_WITHIN + "; received " + received);
        }

        /** Every event received within the wait, earlier ones included, that satisfies the condition. */
        List<JsonNode> receiveFor(Duration wait, Predicate<JsonNode> condition) throws JMSException {
            Instant until = Instant.now().plus(wait);
            while (receive(until)) {
                // keep receiving until the wait is over
            }
            List<JsonNode> matching = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (JsonNode event : received) {
                if (condition.test(event) && seen.add(position(event))) {
                    matching.add(event);
                }
            }
            return matching;
        }

        /** Receives one message (its position property must equal its body's); false once the time is up. */
        private boolean receive(Instant until) throws JMSException {
            long left = Duration.between(Instant.now(), until).toMillis();
            if (left <= 0) {
                return false;
            }
            Message message = consumer.receive(Math.min(left, 500));
            if (message != null) {
                JsonNode event = json(message.getBody(String.class));
                assertEquals(position(event), message.getLongProperty("position"), "the message's position property: " + event);
                received.add(event);
            }
            return true;
        }

        @Override
        public void close() {
            jms.close();
            factory.close();
        }

        private static JsonNode json(String body) {
            try {
                return TestData.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
