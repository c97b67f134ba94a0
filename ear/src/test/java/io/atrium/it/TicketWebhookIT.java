package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The call center's signed webhook, over real HTTP: 202 once queued or as a duplicate, 401 unsigned or
 * stale, 400 and quarantined when invalid, 413 when too large; an anonymous walk-in's ticket is
 * accepted and counted as a fact without party.
 */
class TicketWebhookIT extends DeployedHub {

    /** The secret the IT server is configured with (ear/pom.xml, atrium.it.hub.options). */
    static final String SECRET = "it-webhook-secret";

    @Test
    void signedTicketReachesTheCustomerOnceAndBadRequestsAreRefused() throws Exception {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run);
        ObjectNode ticket = ticket("T-" + run, phone);
        byte[] body = TestData.JSON.writeValueAsBytes(ticket);

        assertEquals(401, hub.post("ingest/service/tickets", Map.of("Content-Type", "application/json"), body).status());
        assertEquals(401, hub.post("ingest/service/tickets", headers(sign(body, "wrong-secret")), body).status());
        HubClient.Response accepted = hub.post("ingest/service/tickets", headers(sign(body, SECRET)), body);
        assertEquals(202, accepted.status(), accepted.body());

        JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> HubClient.facts(c, "TICKET").size() == 1);
        JsonNode fact = HubClient.facts(customer, "TICKET").get(0);
        assertEquals("complaint", fact.get("data").get("category").asText());
        assertEquals("T-" + run, fact.get("factId").asText());

        // the call center resends the same change: taken as a duplicate, nothing queued
        long queued = queuedTickets(hub);
        HubClient.Response resent = hub.post("ingest/service/tickets", headers(sign(body, SECRET)), body);
        assertEquals(202, resent.status(), resent.body());
        assertEquals("duplicate", resent.json().get("outcome").asText());
        assertEquals(queued, queuedTickets(hub));
        ticket.put("event", "closed").put("closedAt", "2026-03-02T10:00:00+08:00").put("satisfaction", 5);
        byte[] closed = TestData.JSON.writeValueAsBytes(ticket);
        assertEquals("queued", hub.post("ingest/service/tickets", headers(sign(closed, SECRET)), closed).json().get("outcome").asText());
        customer = hub.awaitCustomerWithPhone(phone, c -> "closed".equals(HubClient.facts(c, "TICKET").get(0).get("data").get("event").asText()));
        assertEquals(1, HubClient.facts(customer, "TICKET").size());
        assertEquals(5, HubClient.facts(customer, "TICKET").get(0).get("data").get("satisfaction").asInt());
        assertEquals(1, customer.get("sourceRecords").size());

        // an `updated` retried after the `closed` is older (its latest time is the creation): the ticket stays closed.
        // A later ticket of another caller, queued after it, shows it was resolved (one resolver session: in order).
        byte[] retried = TestData.JSON.writeValueAsBytes(ticket.deepCopy().put("event", "updated").putNull("closedAt")
                .putNull("satisfaction").put("subject", "电梯又故障"));
        assertEquals(202, hub.post("ingest/service/tickets", headers(sign(retried, SECRET)), retried).status());
        String laterPhone = TestData.mobile(run + "later");
        byte[] later = TestData.JSON.writeValueAsBytes(ticket("T-" + run + "-later", laterPhone));
        assertEquals(202, hub.post("ingest/service/tickets", headers(sign(later, SECRET)), later).status());
        hub.awaitCustomerWithPhone(laterPhone, c -> HubClient.facts(c, "TICKET").size() == 1);
        JsonNode stillClosed = HubClient.facts(hub.customersWithPhone(phone).get(0), "TICKET").get(0).get("data");
        assertEquals("closed", stillClosed.get("event").asText());
        assertEquals("电梯故障", stillClosed.get("subject").asText());

        byte[] invalid = TestData.JSON.writeValueAsBytes(ticket.put("satisfaction", 9).put("ticketId", "T-bad-" + run));
        HubClient.Response rejected = hub.post("ingest/service/tickets", headers(sign(invalid, SECRET)), invalid);
        assertEquals(400, rejected.status());
        assertEquals("satisfaction is not a whole number from 1 to 5", rejected.json().get("error").asText());
        JsonNode quarantined = hub.awaitQuarantined("webhook request received");
        assertEquals("service", quarantined.get("source").asText());
        assertFalse(quarantined.get("maskedPayload").asText().contains(phone.substring(0, 3) + " " + phone.substring(3, 7)),
                "phones are masked, in whatever spelling");
    }

    @Test
    void aSurnameOnlyCallerReachesTheCustomerOfHisSurnameInTheTicketsProject() throws Exception {
        // the caller's number has two neighbouring digits of the owner's swapped, so no phone key meets it: the
        // ticket's project does
        HubClient hub = hub();
        String run = TestData.runId();
        List<String> phones = TestData.mobileAndSwapAcrossKeyHalves(run + "owner");
        String phone = phones.get(0);
        String project = "关系苑" + run;
        ObjectNode owner = TestData.canonicalPerson("it-" + run, "OWNER", "陈建国", phone).put("gender", "M");
        owner.putArray("projects").add(project);
        hub.postRecord(owner);
        hub.awaitCustomerWithPhone(phone, 1);

        String mistyped = phones.get(1);
        byte[] body = TestData.JSON.writeValueAsBytes(ticket("T-" + run, mistyped).put("project", project));
        assertEquals(202, hub.post("ingest/service/tickets", headers(sign(body, SECRET)), body).status());
        JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> HubClient.facts(c, "TICKET").size() == 1);
        assertEquals("T-" + run, HubClient.facts(customer, "TICKET").get(0).get("factId").asText());
    }

    @Test
    void aCapturedTimestampedRequestIsRefusedOnceItsWindowHasPassed() throws Exception {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run);
        byte[] body = TestData.JSON.writeValueAsBytes(ticket("T-" + run, phone));
        String now = Long.toString(Instant.now().getEpochSecond());

        HubClient.Response fresh = hub.post("ingest/service/tickets", timestamped(body, now, sign(now + "." + body(body), SECRET)), body);
        assertEquals(202, fresh.status(), fresh.body());
        assertEquals("queued", fresh.json().get("outcome").asText());
        // the same request replayed at once: inside the window, but already taken
        HubClient.Response replayed = hub.post("ingest/service/tickets", timestamped(body, now, sign(now + "." + body(body), SECRET)), body);
        assertEquals("duplicate", replayed.json().get("outcome").asText());

        // a request captured ten minutes ago, of a ticket the hub has not seen: refused all the same
        byte[] other = TestData.JSON.writeValueAsBytes(ticket("T-late-" + run, phone));
        String then = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());
        HubClient.Response late = hub.post("ingest/service/tickets", timestamped(other, then, sign(then + "." + body(other), SECRET)), other);
        assertEquals(401, late.status(), late.body());
        assertEquals("X-Signature-Timestamp is more than 300 s from the hub's clock: a replayed or delayed request",
                late.json().get("error").asText());
        // and it cannot be made fresh without the secret
        assertEquals(401, hub.post("ingest/service/tickets", timestamped(other, now, sign(then + "." + body(other), SECRET)), other).status());

        JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> HubClient.facts(c, "TICKET").size() == 1);
        assertEquals("T-" + run, HubClient.facts(customer, "TICKET").get(0).get("factId").asText());
    }

    @Test
    void anAnnouncedOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        URI hub = URI.create(deploymentUrl.toString());
        try (Socket socket = new Socket(hub.getHost(), hub.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /hub/api/ingest/service/tickets HTTP/1.1\r\nHost: " + hub.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{\"ticketId\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the rest of the 10 MB is never sent: an answer now means the hub did not wait for it
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertTrue(in.readLine().startsWith("HTTP/1.1 413 "));
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            assertTrue(headers.contains("content-type: application/json"), headers.toString());
        }
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitOnly() throws Exception {
        byte[] oversized = new byte[300_000];
        Arrays.fill(oversized, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(URI.create(deploymentUrl.toString()).resolve("/hub/api/ingest/service/tickets"))
                .header("Content-Type", "application/json")
                .header("X-Signature", sign(oversized, SECRET))
                // a stream of unknown length goes chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        // the limit is the default in the ejb module's microprofile-config.properties: the web module reads that file too
        assertEquals("{\"error\":\"the body is larger than 262144 bytes\"}", response.body());
    }

    private static long queuedTickets(HubClient hub) {
        for (JsonNode source : hub.get("connectors", HubClient.OPERATOR).json().get("sources")) {
            if ("service".equals(source.get("source").asText())) {
                return source.get("queued").asLong();
            }
        }
        return 0;
    }

    private static String body(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, String> timestamped(byte[] body, String timestamp, String signature) {
        return Map.of("Content-Type", "application/json", "X-Signature-Timestamp", timestamp, "X-Signature", signature);
    }

    @Test
    void anAnonymousWalkInsTicketIsAcceptedAndKeptWithoutPartyUntilACallerIsNamed() throws Exception {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run);
        ObjectNode ticket = ticket("T-walk-in-" + run, phone).put("channel", "walk-in");
        ticket.putObject("caller");
        byte[] anonymous = TestData.JSON.writeValueAsBytes(ticket);
        long withoutParty = hub.connectorFigure("service", "factsWithoutParty");

        HubClient.Response accepted = hub.post("ingest/service/tickets", headers(sign(anonymous, SECRET)), anonymous);
        assertEquals(202, accepted.status(), accepted.body());
        hub.awaitConnectorFigure("service", "factsWithoutParty", withoutParty + 1);

        // the stored ticket joins the caller's timeline once a later change names the caller
        ticket.putObject("caller").put("phone", phone);
        ticket.put("event", "updated");
        byte[] named = TestData.JSON.writeValueAsBytes(ticket);
        assertEquals(202, hub.post("ingest/service/tickets", headers(sign(named, SECRET)), named).status());
        JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> HubClient.facts(c, "TICKET").size() == 1);
        assertEquals("updated", HubClient.facts(customer, "TICKET").get(0).get("data").get("event").asText());
        assertEquals("walk-in", HubClient.facts(customer, "TICKET").get(0).get("data").get("channel").asText());
    }

    private static ObjectNode ticket(String ticketId, String phone) {
        ObjectNode ticket = TestData.JSON.createObjectNode()
                .put("ticketId", ticketId)
                .put("event", "created");
        ticket.putObject("caller").put("name", "陈先生").put("phone", phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7));
        return ticket.put("channel", "phone").put("category", "complaint").put("subject", "电梯故障").put("project", "翠湖花园")
                .put("createdAt", "2026-03-01T10:15:30+08:00").putNull("closedAt").putNull("satisfaction");
    }

    private static Map<String, String> headers(String signature) {
        return Map.of("Content-Type", "application/json", "X-Signature", signature);
    }

    private static String sign(String signed, String secret) throws Exception {
        return sign(signed.getBytes(StandardCharsets.UTF_8), secret);
    }

    /** Signs as the call center does, independently of the hub's code. */
    static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
