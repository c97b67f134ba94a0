package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property-management API, served over real HTTP on the port the IT hub polls: the hub
 * sends its API key, pages through both collections from its watermark, waits out a 429
 * with Retry-After, and quarantines a broken item with its page while the rest go through.
 */
class PropertyApiIT extends DeployedHub {

    /** Port and key the IT server is configured with (ear/pom.xml, atrium.it.hub.options). */
    private static final int PORT = 18090;
    private static final String API_KEY = "it-api-key";

    private static final List<ObjectNode> OWNERS = new CopyOnWriteArrayList<>();
    private static final List<ObjectNode> WORK_ORDERS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REJECTED_KEYS = new AtomicInteger();
    private static final AtomicInteger RATE_LIMITED = new AtomicInteger();
    private static volatile boolean answerNextWith429;
    private static HttpServer server;

    @BeforeAll
    static void startApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/api/v1/owners", exchange -> page(exchange, OWNERS));
        server.createContext("/api/v1/work-orders", exchange -> page(exchange, WORK_ORDERS));
        server.start();
    }

    @AfterAll
    static void stopApi() {
        server.stop(0);
    }

    @Test
    void ownersAndWorkOrdersReachTheCustomerThroughRateLimitsAndBrokenItems() {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run);
        OffsetDateTime now = OffsetDateTime.now().withNano(0);
        answerNextWith429 = true;
        for (int i = 0; i < 5; i++) {
            OWNERS.add(owner("PM-" + run + "-" + i, TestData.mobile(run + i), now.plusSeconds(i)));
        }
        ObjectNode owner = owner("PM-" + run, phone, now);
        owner.withArray("units").addObject().put("project", "翠湖花园").put("building", "3栋").put("unit", "1502")
                .put("relation", "业主").put("since", "2019-06-01");
        owner.put("arrears", 1200.50);
        OWNERS.add(owner);
        OWNERS.add(TestData.JSON.createObjectNode().put("ownerId", "PM-" + run + "-broken").put("updatedAt", now.toString()));
        WORK_ORDERS.add(TestData.JSON.createObjectNode().put("orderId", "WO-" + run).put("ownerId", "PM-" + run)
                .put("type", "投诉").put("description", "电梯故障").put("createdAt", now.toString()).putNull("closedAt")
                .put("rating", 2).put("updatedAt", now.toString()));

        JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> HubClient.facts(c, "WORK_ORDER").size() == 1
                && HubClient.facts(c, "UNIT").size() == 1);
        assertEquals("OWNER", HubClient.facts(customer, "UNIT").get(0).get("data").get("relation").asText());
        assertEquals("COMPLAINT", HubClient.facts(customer, "WORK_ORDER").get(0).get("data").get("type").asText());
        assertEquals(1200.5, HubClient.facts(customer, "ARREARS").get(0).get("data").get("amount").asDouble());
        for (int i = 0; i < 5; i++) {
            hub.awaitCustomerWithPhone(TestData.mobile(run + i), 1);
        }
        JsonNode broken = hub.awaitQuarantined("/api/v1/owners updatedSince=");
        assertEquals("fullName is empty", broken.get("reason").asText());
        assertTrue(broken.get("position").asText().contains(" page "), broken.get("position").asText());
        assertTrue(RATE_LIMITED.get() > 0, "the API answered 429 at least once");
        assertEquals(0, REJECTED_KEYS.get(), "every request carried the API key");
    }

    private static ObjectNode owner(String ownerId, String phone, OffsetDateTime updatedAt) {
        ObjectNode owner = TestData.JSON.createObjectNode().put("ownerId", ownerId).put("fullName", "陳美玲");
        owner.putArray("phones").add(phone).add("0755-86001234");
        return owner.putNull("idCard").putNull("email").put("updatedAt", updatedAt.toString());
    }

    /** Pages of three, filtered by updatedSince and ordered by (updatedAt, id), as the spec's API does. */
    private static void page(HttpExchange exchange, List<ObjectNode> collection) throws IOException {
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
            REJECTED_KEYS.incrementAndGet();
            respond(exchange, 401, "{}");
            return;
        }
        if (answerNextWith429) {
            answerNextWith429 = false;
            RATE_LIMITED.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            respond(exchange, 429, "{}");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI());
        OffsetDateTime since = OffsetDateTime.parse(query.get("updatedSince"));
        int page = Integer.parseInt(query.get("page"));
        int size = Math.min(3, Integer.parseInt(query.get("size")));
        List<ObjectNode> matching = new ArrayList<>(collection.stream()
                .filter(item -> OffsetDateTime.parse(item.get("updatedAt").asText()).isAfter(since))
                .sorted(Comparator.comparing((ObjectNode item) -> OffsetDateTime.parse(item.get("updatedAt").asText()))
                        .thenComparing(item -> item.path("ownerId").asText() + item.path("orderId").asText()))
                .toList());
        ObjectNode body = TestData.JSON.createObjectNode().put("page", page).put("size", size).put("total", matching.size());
        ArrayNode items = body.putArray("items");
        matching.stream().skip((long) page * size).limit(size).forEach(items::add);
        respond(exchange, 200, body.toString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
