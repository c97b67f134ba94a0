package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators' view and control of the hub's Camel routes: every route listed with its state and figures, a connector
 * stopped takes nothing until started again, actions that do not apply are refused, and each action is audited.
 */
class RouteOperationsIT extends DeployedHub {

    private static final String CANONICAL = "canonical-file-drop";

    @Test
    void everyRouteIsListedWithItsGroupStateAndFigures() {
        HubClient hub = hub();
        HubClient.Response answer = hub.get("routes", HubClient.OPERATOR);
        assertEquals(200, answer.status(), answer.body());
        JsonNode body = answer.json();

        Map<String, String> groups = new TreeMap<>();
        for (JsonNode route : body.get("routes")) {
            groups.put(route.get("id").asText(), route.get("group").asText());
            for (String field : new String[]{"description", "state", "failing", "exchangesTotal", "exchangesFailed", "inflight",
                    "lastSuccessAt", "lastErrorAt", "lastError", "perMinute", "meanProcessingMillis", "maxProcessingMillis"}) {
                assertTrue(route.has(field), route.get("id") + " has " + field + ": " + route);
            }
            assertEquals(60, route.get("perMinute").size(), route.toString());
            assertEquals("Started", route.get("state").asText(), route.toString());
        }
        assertEquals(Map.of("canonical-file-drop", "canonical", "leasing-files", "leasing", "membership-events", "membership",
                "property-poll", "property", "route-sampling", "internal", "sales-poll", "sales", "service-tickets", "service"), groups);
        TreeSet<String> healthRoutes = new TreeSet<>();
        hub.get("health", null).json().get("routes").forEach(route -> healthRoutes.add(route.get("name").asText()));
        assertEquals(healthRoutes, groups.keySet(), "every Camel route of the hub");
        assertTrue(body.get("resolver").get("timings").has("p95Millis"), body.get("resolver").toString());
        assertTrue(body.hasNonNull("sampledAt"));
    }

    @Test
    void aStoppedConnectorTakesNothingUntilStartedAndEveryActionIsAudited() {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile("routes-" + run);
        String file = "routes-" + run + ".jsonl";
        Path inbox = TestData.serverData().resolve("atrium/inbox/canonical");
        String reason = "maintenance " + run;
        try {
            HubClient.Response stopped = hub.postJson("routes/" + CANONICAL + "/stop", HubClient.OPERATOR,
                    "{\"reason\": \"" + reason + "\"}");
            assertEquals(200, stopped.status(), stopped.body());
            assertEquals("Stopped", stopped.json().get("state").asText());
            assertEquals(CANONICAL, stopped.json().get("id").asText());
            assertEquals("Stopped", routeState(hub, CANONICAL));
            HubClient.Response health = hub.get("health", null);
            assertEquals(200, health.status(), "a stopped connector leaves the hub serving: " + health.body());
            assertEquals("DEGRADED", health.json().get("status").asText(), health.body());

            HubClient.Response again = hub.post("routes/" + CANONICAL + "/stop", HubClient.OPERATOR);
            assertEquals(409, again.status(), again.body());
            assertEquals("cannot stop route canonical-file-drop: it is Stopped", again.json().get("error").asText());
            assertEquals(409, hub.post("routes/" + CANONICAL + "/suspend", HubClient.OPERATOR).status());

            Path dropped = TestData.drop(inbox, file, TestData.canonicalPerson("routes-" + run, "R-1", "李娜", phone) + "\n",
                    StandardCharsets.UTF_8);
            // polled every 500 ms while started: three seconds untouched means not taken
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(dropped));
            assertTrue(hub.customersWithPhone(phone).isEmpty(), "nothing resolved while stopped");

            HubClient.Response started = hub.post("routes/" + CANONICAL + "/start", HubClient.ADMIN);
            assertEquals(200, started.status(), started.body());
            assertEquals("Started", started.json().get("state").asText());
            hub.awaitCustomerWithPhone(phone, 1);
            await().until(() -> Files.exists(inbox.resolve(".done").resolve(file)));

            assertEquals("Suspended", hub.post("routes/" + CANONICAL + "/suspend", HubClient.OPERATOR).json().get("state").asText());
            assertEquals(409, hub.post("routes/" + CANONICAL + "/start", HubClient.OPERATOR).status(), "a suspended route is resumed");
            assertEquals("Started", hub.post("routes/" + CANONICAL + "/resume", HubClient.OPERATOR).json().get("state").asText());
        } finally {
            if (!"Started".equals(routeState(hub, CANONICAL))) {
                hub.post("routes/" + CANONICAL + "/start", HubClient.ADMIN);
                hub.post("routes/" + CANONICAL + "/resume", HubClient.ADMIN);
            }
        }

        JsonNode actions = hub.get("routes/actions?limit=7", HubClient.OPERATOR).json();
        assertEquals(7, actions.size(), actions.toString());
        String[][] expected = {
                {"operator", "resume", "Started"}, {"operator", "start", "refused: it is Suspended"},
                {"operator", "suspend", "Suspended"}, {"admin", "start", "Started"},
                {"operator", "suspend", "refused: it is Stopped"}, {"operator", "stop", "refused: it is Stopped"},
                {"operator", "stop", "Stopped"}};
        for (int i = 0; i < expected.length; i++) {
            JsonNode action = actions.get(i);
            assertEquals(CANONICAL, action.get("routeId").asText(), action.toString());
            assertEquals(expected[i][0], action.get("actor").asText(), action.toString());
            assertEquals(expected[i][1], action.get("action").asText(), action.toString());
            assertEquals(expected[i][2], action.get("outcome").asText(), action.toString());
            assertTrue(action.hasNonNull("actedAt"), action.toString());
        }
        assertEquals(reason, actions.get(6).get("reason").asText(), "the stop's reason is kept");
        assertTrue(actions.get(3).get("reason").isNull(), "an action without a body has no reason");
    }

    @Test
    void anUnknownRouteIsNotFoundAndABadBodyIsRefused() {
        HubClient hub = hub();
        HubClient.Response unknown = hub.post("routes/no-such-route/stop", HubClient.OPERATOR);
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("no route no-such-route", unknown.json().get("error").asText());

        HubClient.Response tooLong = hub.postJson("routes/" + CANONICAL + "/stop", HubClient.OPERATOR,
                "{\"reason\": \"" + "x".repeat(2001) + "\"}");
        assertEquals(400, tooLong.status(), tooLong.body());
        HubClient.Response notJson = hub.postJson("routes/" + CANONICAL + "/stop", HubClient.OPERATOR, "reason: maintenance");
        assertEquals(400, notJson.status(), notJson.body());
        assertTrue(notJson.json().get("error").asText().contains("reason"), notJson.body());
        assertEquals("Started", routeState(hub, CANONICAL), "nothing done");
        assertFalse(hub.get("routes/actions", HubClient.OPERATOR).json().toString().contains("no-such-route"));
    }

    private static String routeState(HubClient hub, String routeId) {
        for (JsonNode route : hub.get("routes", HubClient.OPERATOR).json().get("routes")) {
            if (routeId.equals(route.get("id").asText())) {
                return route.get("state").asText();
            }
        }
        throw new AssertionError("no route " + routeId);
    }
}
