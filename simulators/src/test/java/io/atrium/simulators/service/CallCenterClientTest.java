package io.atrium.simulators.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stand-in hub records what the call center posts; signatures are checked here with javax.crypto directly. */
class CallCenterClientTest {

    private static final Population POPULATION = Script.CHINESE.generate(6, 2000);
    private static final String SECRET = "webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Post(byte[] body, String signature, String contentType, String timestamp) {
    }

    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<String> ledger = new CopyOnWriteArrayList<>();
    /** What the stand-in hub answers. */
    private volatile int status = 202;
    private HttpServer hub;

    @BeforeEach
    void startHub() throws IOException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/hub" + CallCenterClient.PATH, exchange -> {
            posts.add(new Post(exchange.getRequestBody().readAllBytes(), exchange.getRequestHeaders().getFirst("X-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("X-Signature-Timestamp")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop(0);
    }

    private CallCenterClient client(double invalidRate) {
        return new CallCenterClient(new CallCenterClient.Settings("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub/",
                SECRET, invalidRate), POPULATION, 3, (source, kind, type, id) -> ledger.add(kind + " " + type + " " + id));
    }

    private static String hmac(byte[] body) throws Exception {
        return hmac(null, body);
    }

    private static String hmac(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        if (timestamp != null) {
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }
        return "sha256=" + hex;
    }

    @Test
    void ticketsAreSignedAndGoFromCreatedToClosed() throws Exception {
        CallCenterClient client = client(0);
        for (int i = 0; i < 150; i++) {
            client.step();
        }
        assertEquals(Map.of(202, 150L), client.answers());
        assertEquals(150, posts.size());
        int honorificOnly = 0;
        for (Post post : posts) {
            assertEquals(hmac(post.body()), post.signature());
            assertEquals("application/json", post.contentType());
            JsonNode ticket = JSON.readTree(post.body());
            assertTrue(ticket.get("ticketId").asText().matches("T\\d{8}-\\d{4}"));
            assertTrue(Set.of("created", "updated", "closed").contains(ticket.get("event").asText()));
            assertTrue(Set.of("phone", "wechat", "email", "walk-in").contains(ticket.get("channel").asText()));
            assertTrue(Set.of("complaint", "repair", "inquiry", "praise").contains(ticket.get("category").asText()));
            assertTrue(ticket.get("createdAt").asText().endsWith("+08:00"));
            boolean closed = ticket.get("event").asText().equals("closed");
            JsonNode satisfaction = ticket.get("satisfaction");
            assertTrue(closed ? satisfaction.asInt() >= 1 && satisfaction.asInt() <= 5 : satisfaction.isNull());
            assertEquals(closed, !ticket.get("closedAt").isNull());
            if (ticket.get("caller").get("name").asText().matches("\\p{IsHan}{1,2}(先生|女士)")) {
                honorificOnly++;
            }
        }
        assertTrue(honorificOnly > 20, "callers giving only surname and honorific: " + honorificOnly);
        assertTrue(posts.stream().anyMatch(post -> new String(post.body(), StandardCharsets.UTF_8).contains("\"closed\"")));
    }

    @Test
    void invalidBodiesAreStillSignedButNotValidTickets() throws Exception {
        CallCenterClient client = client(1.0);
        for (int i = 0; i < 40; i++) {
            client.step();
        }
        for (Post post : posts) {
            assertEquals(hmac(post.body()), post.signature());
            JsonNode ticket;
            try {
                ticket = JSON.readTree(post.body());
            } catch (IOException notJson) {
                continue;
            }
            boolean valid = ticket.hasNonNull("ticketId") && ticket.path("caller").isObject()
                    && Set.of("created", "updated", "closed").contains(ticket.path("event").asText());
            assertTrue(!valid, "body should be invalid: " + ticket.path("event"));
        }
    }

    @Test
    void ledgerHasWhatTheHubDecidedOnAndNothingItFailedToTake() throws Exception {
        CallCenterClient client = client(0);
        status = 503;
        client.step();
        assertEquals(List.of(), ledger, "a 5xx answer: the ticket change was not delivered");
        status = 202;
        client.step();
        String ticketId = JSON.readTree(posts.get(1).body()).get("ticketId").asText();
        assertEquals(List.of("RECORD null " + ticketId, "FACT TICKET " + ticketId), ledger);

        ledger.clear();
        CallCenterClient invalid = client(1.0);
        status = 400;
        invalid.step();
        assertEquals(1, ledger.size());
        assertTrue(ledger.get(0).matches("BROKEN request T\\d{8}-\\d{4}"), ledger.get(0));
    }

    @Test
    void resentTicketsAreTheSameBodiesSignedWithTheirNewTimestampAndLedgeredAsDuplicates() throws Exception {
        CallCenterClient client = new CallCenterClient(new CallCenterClient.Settings("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub",
                SECRET, 0, true, 0.5), POPULATION, 3, (source, kind, type, id) -> ledger.add(kind + " " + type + " " + id));
        for (int i = 0; i < 60; i++) {
            client.step();
        }
        Set<String> bodies = new java.util.HashSet<>();
        long again = 0;
        for (Post post : posts) {
            assertTrue(post.timestamp().matches("\\d{10}"), post.timestamp());
            assertEquals(hmac(post.timestamp(), post.body()), post.signature());
            again += bodies.add(new String(post.body(), StandardCharsets.UTF_8)) ? 0 : 1;
        }
        long duplicates = ledger.stream().filter(line -> line.startsWith("DUPLICATE record ")).count();
        assertTrue(duplicates > 10, "resent: " + duplicates);
        assertEquals(60 + duplicates, posts.size());
        assertEquals(duplicates, again, "every resend repeats a body sent before, byte for byte");
        assertEquals(duplicates, ledger.stream().filter(line -> line.startsWith("DUPLICATE TICKET ")).count());
        assertEquals(60, ledger.stream().filter(line -> line.startsWith("RECORD ")).count());
    }
}
