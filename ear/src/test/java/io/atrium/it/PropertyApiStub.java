package io.atrium.it;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

/**
 * The property-management API as the spec describes it, served over real HTTP on the port
 * the IT hub polls, with items the test controls: pages of at most three, filtered by
 * updatedSince (exclusive) and ordered by (updatedAt, id), the API key checked, and a 429
 * with Retry-After on request.
 */
final class PropertyApiStub implements AutoCloseable {

    /** Port and key the IT server is configured with (ear/pom.xml, atrium.it.hub.options). */
    static final int PORT = 18090;
    static final String API_KEY = "it-api-key";
    private static final int PAGE_SIZE_LIMIT = 3;

    final List<ObjectNode> owners = new CopyOnWriteArrayList<>();
    final List<ObjectNode> workOrders = new CopyOnWriteArrayList<>();
    final AtomicInteger rejectedKeys = new AtomicInteger();
    final AtomicInteger rateLimited = new AtomicInteger();
    final List<String> updatedSinceAsked = new CopyOnWriteArrayList<>();
    volatile boolean answerNextWith429;
    /** Called with the items of each first page of owners served until it returns true: the source changing mid-pass. */
    volatile java.util.function.Predicate<ArrayNode> afterOwnersFirstPage;
    private final HttpServer server;

    PropertyApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/owners", exchange -> page(exchange, owners));
        server.createContext("/api/v1/work-orders", exchange -> page(exchange, workOrders));
        server.start();
    }

    static ObjectNode owner(String ownerId, String phone, OffsetDateTime updatedAt) {
        ObjectNode owner = TestData.JSON.createObjectNode().put("ownerId", ownerId).put("fullName", "陳美玲");
        // a home landline of the owner's own: one shared by every owner would make them one household
        owner.putArray("phones").add(phone).add("0755-8" + phone.substring(phone.length() - 7));
        return owner.putNull("idCard").putNull("email").put("updatedAt", updatedAt.toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void page(HttpExchange exchange, List<ObjectNode> collection) throws IOException {
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
            rejectedKeys.incrementAndGet();
            respond(exchange, 401, "{}");
            return;
        }
        if (answerNextWith429) {
            answerNextWith429 = false;
            rateLimited.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            respond(exchange, 429, "{}");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI());
        updatedSinceAsked.add(query.get("updatedSince"));
        OffsetDateTime since = OffsetDateTime.parse(query.get("updatedSince"));
        int page = Integer.parseInt(query.get("page"));
        int size = Math.min(PAGE_SIZE_LIMIT, Integer.parseInt(query.get("size")));
        List<ObjectNode> matching = new ArrayList<>(collection.stream()
                .filter(item -> OffsetDateTime.parse(item.get("updatedAt").asText()).isAfter(since))
                .sorted(Comparator.comparing((ObjectNode item) -> OffsetDateTime.parse(item.get("updatedAt").asText()))
                        .thenComparing(item -> item.path("ownerId").asText() + item.path("orderId").asText()))
                .toList());
        ObjectNode body = TestData.JSON.createObjectNode().put("page", page).put("size", size).put("total", matching.size());
        ArrayNode items = body.putArray("items");
        matching.stream().skip((long) page * size).limit(size).forEach(items::add);
        java.util.function.Predicate<ArrayNode> change = afterOwnersFirstPage;
        if (collection == owners && page == 0 && change != null && change.test(items)) {
            afterOwnersFirstPage = null;
        }
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
