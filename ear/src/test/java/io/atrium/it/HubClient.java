package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Real HTTP calls to the deployed hub, as a demo user or anonymously. */
final class HubClient {

    static final String APP = "app:app-pass1!";
    static final String VIEWER = "viewer:viewer-pass1!";
    static final String OPERATOR = "operator:operator-pass1!";
    static final String ADMIN = "admin:admin-pass1!";
    private static final Duration RESOLVED_WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    HubClient(URI base) {
        this.base = base.resolve("/hub/api/");
    }

    Response postRecords(String credentials, String jsonLines) {
        return postLines("ingest/records", credentials, jsonLines);
    }

    /** A body of JSON Lines posted as it is, e.g. a first load to {@code loads}. */
    Response postLines(String path, String credentials, String jsonLines) {
        return send(request(path, credentials)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(jsonLines)));
    }

    Response get(String path, String credentials) {
        return send(request(path, credentials).GET());
    }

    Response post(String path, String credentials) {
        return send(request(path, credentials).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response postJson(String path, String credentials, String json) {
        return send(request(path, credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response putJson(String path, String credentials, String json) {
        return send(request(path, credentials)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path, String credentials) {
        return send(request(path, credentials).DELETE());
    }

    Response post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder builder = request(path, null).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Waits until exactly one active customer has this phone and the given number of source records. */
    JsonNode awaitCustomerWithPhone(String phone, int sourceRecords) {
        return awaitCustomerWithPhone(phone, customer -> customer.get("sourceRecords").size() == sourceRecords);
    }

    /** Waits until exactly one active customer has this phone and its whole view satisfies the condition; returns the view. */
    JsonNode awaitCustomerWithPhone(String phone, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(RESOLVED_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = customerByPhone(phone);
            if (response.status() != 200 || response.json().get("matches").size() != 1) {
                return false;
            }
            found[0] = customer(response.json().get("matches").get(0).get("customer").get("id").asText());
            return condition.test(found[0]);
        });
        return found[0];
    }

    /**
     * Two customers of one name, a phone each (a name alone merges nothing), then a record with both phones that merges
     * them: answers {survivor, merged-away id}.
     */
    String[] mergeTwoCustomers(String source, String name, String phoneA, String phoneB) {
        postRecord(TestData.canonicalPerson(source, "A", name, phoneA));
        postRecord(TestData.canonicalPerson(source, "B", name, phoneB));
        String customerA = awaitCustomerWithPhone(phoneA, 1).get("id").asText();
        String customerB = awaitCustomerWithPhone(phoneB, 1).get("id").asText();
        com.fasterxml.jackson.databind.node.ObjectNode bridge = TestData.canonicalPerson(source, "C", name, phoneA);
        ((com.fasterxml.jackson.databind.node.ArrayNode) bridge.get("phones")).add(phoneB);
        postRecord(bridge);
        String survivor = awaitCustomerWithPhone(phoneA, 3).get("id").asText();
        return new String[]{survivor, survivor.equals(customerA) ? customerB : customerA};
    }

    /** Posts one canonical record as `app`; fails unless it was accepted. */
    void postRecord(JsonNode record) {
        Response posted = postRecords(APP, record.toString());
        if (posted.status() != 202) {
            throw new AssertionError("record refused: " + posted.status() + " " + posted.body());
        }
    }

    /** The whole view of a customer (`GET /customers/{id}`), as a downstream application sees it. */
    JsonNode customer(String id) {
        Response response = get("customers/" + URLEncoder.encode(id, StandardCharsets.UTF_8), APP);
        if (response.status() != 200) {
            throw new AssertionError("customer " + id + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** A figure of one source in `GET /connectors` (queued, futureDated ...), 0 while the source has none. */
    long connectorFigure(String source, String field) {
        for (JsonNode activity : get("connectors", OPERATOR).json().get("sources")) {
            if (source.equals(activity.get("source").asText())) {
                return activity.path(field).asLong();
            }
        }
        return 0;
    }

    /** Waits until the source's figure in `GET /connectors` reaches at least the given value. */
    void awaitConnectorFigure(String source, String field, long atLeast) {
        await().atMost(RESOLVED_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> connectorFigure(source, field) >= atLeast);
    }

    /** The customer's facts of one type, newest first. */
    static java.util.List<JsonNode> facts(JsonNode customer, String type) {
        java.util.List<JsonNode> facts = new java.util.ArrayList<>();
        customer.get("timeline").forEach(fact -> {
            if (type.equals(fact.get("type").asText())) {
                facts.add(fact);
            }
        });
        return facts;
    }

    /** Waits until the open quarantine holds an item at this position, and returns it. */
    JsonNode awaitQuarantined(String positionPart) {
        return awaitQuarantinedAt(position -> position.contains(positionPart));
    }

    /** Waits until the open quarantine holds an item whose position satisfies the condition, and returns it. */
    JsonNode awaitQuarantinedAt(java.util.function.Predicate<String> position) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(RESOLVED_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode item : get("quarantine?limit=1000", OPERATOR).json()) {
                if (position.test(item.get("position").asText())) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The first page of the search by phone, as a downstream application sees it (personal data whole). */
    Response customerByPhone(String phone) {
        return get("customers?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8), APP);
    }

    /** The whole views of the customers of the first page of the search by phone, best match first. */
    java.util.List<JsonNode> customersWithPhone(String phone) {
        Response response = customerByPhone(phone);
        if (response.status() != 200) {
            throw new AssertionError("search by phone answered " + response.status() + ": " + response.body());
        }
        java.util.List<JsonNode> customers = new java.util.ArrayList<>();
        response.json().get("matches").forEach(match -> customers.add(customer(match.get("customer").get("id").asText())));
        return customers;
    }

    private HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (credentials != null) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
