package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The call center's signed webhook, over real HTTP: 202 once queued, 401 unsigned, 400 and quarantined when invalid;
 * an anonymous walk-in's ticket is accepted and counted as a fact without party.
 */
class TicketWebhookIT extends DeployedHub {

    /** The secret the IT server is configured with (ear/pom.xml, atrium.it.hub.options). */
    private static final String SECRET = "it-webhook-secret";

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

        // the call center resends the same change: nothing new
        assertEquals(202, hub.post("ingest/service/tickets", headers(sign(body, SECRET)), body).status());
        ticket.put("event", "closed").put("closedAt", "2026-03-02T10:00:00+08:00").put("satisfaction", 5);
        byte[] closed = TestData.JSON.writeValueAsBytes(ticket);
        assertEquals(202, hub.post("ingest/service/tickets", headers(sign(closed, SECRET)), closed).status());
        customer = hub.awaitCustomerWithPhone(phone, c -> "closed".equals(HubClient.facts(c, "TICKET").get(0).get("data").get("event").asText()));
        assertEquals(1, HubClient.facts(customer, "TICKET").size());
        assertEquals(5, HubClient.facts(customer, "TICKET").get(0).get("data").get("satisfaction").asInt());
        assertEquals(1, customer.get("sourceRecords").size());

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

    /** Signs as the call center does, independently of the hub's code. */
    private static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
