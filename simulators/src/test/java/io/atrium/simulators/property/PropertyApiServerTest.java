package io.atrium.simulators.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Script;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PropertyApiServerTest {

    private static final Population POPULATION = Script.CHINESE.generate(4, 2000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "it-api-key";
    private final HttpClient http = HttpClient.newHttpClient();

    private static PropertyApiServer start(int requestsPerSecond, double unavailableRate, int churn) throws IOException {
        return new PropertyApiServer(new PropertyApiServer.Settings(0, KEY, requestsPerSecond, unavailableRate, 0, churn, 250),
                POPULATION, 9).start();
    }

    private HttpResponse<String> get(PropertyApiServer server, String pathAndQuery, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void pagesCoverEveryOwnerOnceInUpdatedAtThenIdOrder() throws Exception {
        try (PropertyApiServer server = start(0, 0, 0)) {
            List<JsonNode> items = new ArrayList<>();
            long total = -1;
            for (int page = 0; page < 3; page++) {
                HttpResponse<String> response = get(server, "/api/v1/owners?page=" + page + "&size=100", KEY);
                assertEquals(200, response.statusCode());
                JsonNode body = JSON.readTree(response.body());
                assertEquals(page, body.get("page").asInt());
                assertEquals(100, body.get("size").asInt());
                total = body.get("total").asLong();
                body.get("items").forEach(items::add);
            }
            assertEquals(250, total);
            assertEquals(250, items.size());
            Set<String> ids = new HashSet<>();
            items.forEach(item -> ids.add(item.get("ownerId").asText()));
            assertEquals(250, ids.size());
            for (int i = 1; i < items.size(); i++) {
                String previous = items.get(i - 1).get("updatedAt").asText() + items.get(i - 1).get("ownerId").asText();
                String current = items.get(i).get("updatedAt").asText() + items.get(i).get("ownerId").asText();
                assertTrue(previous.compareTo(current) < 0, "ordered by updatedAt then id");
            }
            JsonNode owner = items.get(0);
            assertTrue(owner.get("updatedAt").asText().endsWith("+08:00"));
            assertTrue(owner.get("phones").isArray());
            assertTrue(owner.has("idCard") && owner.has("email") && owner.get("arrears").isNumber());
            JsonNode unit = owner.get("units").get(0);
            assertTrue(Set.of("业主", "家属", "租户").contains(unit.get("relation").asText()));
            assertTrue(unit.get("since").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        }
    }

    @Test
    void updatedSinceFiltersAndWorkOrdersHaveTheirShape() throws Exception {
        try (PropertyApiServer server = start(0, 0, 0)) {
            for (int i = 0; i < 200; i++) {
                server.step();
            }
            JsonNode all = JSON.readTree(get(server, "/api/v1/work-orders?page=0&size=1000", KEY).body());
            assertTrue(all.get("total").asLong() > 0);
            for (JsonNode order : all.get("items")) {
                assertTrue(Set.of("维修", "投诉", "咨询").contains(order.get("type").asText()));
                assertTrue(order.get("rating").isNull() || order.get("rating").asInt() >= 1 && order.get("rating").asInt() <= 5);
                assertTrue(order.has("closedAt") && order.get("orderId").asText().startsWith("WO-"));
                assertTrue(order.get("createdAt").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00"));
            }
            String future = URLEncoder.encode("2999-01-01T00:00:00+08:00", StandardCharsets.UTF_8);
            JsonNode none = JSON.readTree(get(server, "/api/v1/owners?updatedSince=" + future + "&page=0&size=10", KEY).body());
            assertEquals(0, none.get("total").asLong());
            assertEquals(0, none.get("items").size());
        }
    }

    @Test
    void wrongOrMissingKeyIsRefused() throws Exception {
        try (PropertyApiServer server = start(0, 0, 0)) {
            assertEquals(401, get(server, "/api/v1/owners", "wrong").statusCode());
            assertEquals(401, get(server, "/api/v1/owners", null).statusCode());
            assertEquals(400, get(server, "/api/v1/owners?page=-1", KEY).statusCode());
        }
    }

    @Test
    void overTheRateLimitTheAnswerIs429WithRetryAfter() throws Exception {
        try (PropertyApiServer server = start(2, 0, 0)) {
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                responses.add(get(server, "/api/v1/owners?page=0&size=1", KEY));
            }
            HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
            assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(responses.stream().anyMatch(r -> r.statusCode() == 200));
        }
    }

    @Test
    void unavailableAnswers503() throws Exception {
        try (PropertyApiServer server = start(0, 1.0, 0)) {
            assertEquals(503, get(server, "/api/v1/owners", KEY).statusCode());
        }
    }

    @Test
    void recordsChangeWhileAClientPages() throws Exception {
        try (PropertyApiServer server = start(0, 0, 20)) {
            JsonNode first = JSON.readTree(get(server, "/api/v1/owners?page=0&size=250", KEY).body());
            Thread.sleep(1100);
            JsonNode second = JSON.readTree(get(server, "/api/v1/owners?page=0&size=250", KEY).body());
            assertFalse(first.get("items").toString().equals(second.get("items").toString()), "order or content changed");
        }
    }

    @Test
    void ledgerHasEveryItemServedAndTheLastChangeAfterWhichTheApiStandsStill() throws Exception {
        List<String> ledger = new CopyOnWriteArrayList<>();
        try (PropertyApiServer server = new PropertyApiServer(new PropertyApiServer.Settings(0, KEY, 0, 0, 0.2, 20, 100),
                POPULATION, 11, (source, kind, type, id) -> ledger.add(kind + " " + type + " " + id)).start()) {
            for (int i = 0; i < 100; i++) {
                server.step();
            }
            server.endOfStream();
            JsonNode owners = JSON.readTree(get(server, "/api/v1/owners?page=0&size=1000", KEY).body()).get("items");
            JsonNode orders = JSON.readTree(get(server, "/api/v1/work-orders?page=0&size=1000", KEY).body()).get("items");
            Set<String> expected = new HashSet<>();
            String lastOwnerChange = "";
            for (JsonNode owner : owners) {
                lastOwnerChange = owner.get("updatedAt").asText();
                if (owner.has("ownerId")) {
                    expected.add("RECORD null " + owner.get("ownerId").asText());
                    expected.add("FACT ARREARS " + owner.get("ownerId").asText());
                    for (JsonNode unit : owner.get("units")) {
                        expected.add("FACT UNIT " + String.join("/", owner.get("ownerId").asText(), unit.get("project").asText(),
                                unit.get("building").asText(), unit.get("unit").asText()));
                    }
                }
            }
            for (JsonNode order : orders) {
                expected.add((order.has("ownerId") ? "FACT WORK_ORDER " : "BROKEN work order ") + order.get("orderId").asText());
            }
            long brokenOwners = owners.size() - owners.findValues("ownerId").size();
            assertTrue(brokenOwners > 0);
            assertEquals(brokenOwners, ledger.stream().filter(line -> line.startsWith("BROKEN owner ")).count());
            Set<String> items = new HashSet<>(ledger);
            items.removeIf(line -> line.startsWith("BROKEN owner ") || line.startsWith("LAST_CHANGE "));
            assertEquals(expected, items);
            assertTrue(ledger.contains("LAST_CHANGE owners " + lastOwnerChange), "the owner served last is the last change");

            Thread.sleep(1100);
            assertEquals(owners, JSON.readTree(get(server, "/api/v1/owners?page=0&size=1000", KEY).body()).get("items"),
                    "no churn after the end of the stream");
        }
    }

    @Test
    void throttledAndRepeatedAnswersAreServedAndCounted() throws Exception {
        try (PropertyApiServer throttled = new PropertyApiServer(new PropertyApiServer.Settings(0, KEY, 0, 0, 0, 0, 50, 1.0, 0),
                POPULATION, 11).start()) {
            HttpResponse<String> response = get(throttled, "/api/v1/owners?page=0&size=10", KEY);
            assertEquals(429, response.statusCode());
            assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
            assertEquals("requests 1: 429 1", throttled.status());
        }
        try (PropertyApiServer repeating = new PropertyApiServer(new PropertyApiServer.Settings(0, KEY, 0, 0, 0, 0, 50, 0, 1.0),
                POPULATION, 12).start()) {
            JsonNode first = JSON.readTree(get(repeating, "/api/v1/owners?page=0&size=10", KEY).body()).get("items");
            JsonNode second = JSON.readTree(get(repeating, "/api/v1/owners?page=1&size=10", KEY).body()).get("items");
            JsonNode third = JSON.readTree(get(repeating, "/api/v1/owners?page=2&size=10", KEY).body()).get("items");
            assertEquals(10, first.size());
            assertEquals(11, second.size(), "the previous page's last item, then the page asked for");
            assertEquals(first.get(9), second.get(0), "served again as it was, updatedAt included");
            assertEquals(second.get(10), third.get(0));
            Set<String> ids = new HashSet<>();
            List.of(first, second, third).forEach(page -> page.forEach(item -> ids.add(item.get("ownerId").asText())));
            assertEquals(30, ids.size(), "nothing skipped");
            assertEquals("requests 3: 200 3; items served again 2", repeating.status());
        }
    }
}
