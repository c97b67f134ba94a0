package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Canonical records dropped as a JSON Lines file: good lines are resolved, a broken line is
 * quarantined with file, line and reason, and operators can list (masked), replay and discard it.
 */
class CanonicalFileDropIT extends DeployedHub {

    @Test
    void goodLinesAreResolvedAndTheBrokenOneIsQuarantinedForOperators() {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run);
        String file = "it-" + run + ".jsonl";
        Path inbox = TestData.serverData().resolve("atrium/inbox/canonical");
        TestData.drop(inbox, file, TestData.canonicalPerson("file-" + run, "F-1", "李娜", phone) + "\n"
                + "{\"source\":\"file-" + run + "\",\"sourceId\":\"F-2\",\"phones\":[\"" + phone + "\"],\"birthDate\":\"15/07/1985\"}\n"
                + TestData.canonicalPerson("file-" + run, "F-3", "李娜", phone) + "\n"
                + TestData.canonicalPerson("sales", "F-4-" + run, "李娜", phone) + "\n", StandardCharsets.UTF_8);

        hub.awaitCustomerWithPhone(phone, 2);
        JsonNode item = hub.awaitQuarantined(file + " line 2");
        assertEquals("canonical", item.get("source").asText());
        assertEquals("invalid value for field 'birthDate'", item.get("reason").asText());
        assertFalse(item.get("maskedPayload").asText().contains(phone), "phones are masked for operators");
        assertTrue(item.get("maskedPayload").asText().contains(phone.substring(7)), "the last four digits stay");
        await().until(() -> Files.exists(inbox.resolve(".done").resolve(file)));
        JsonNode claimsSales = hub.awaitQuarantined(file + " line 4");
        assertTrue(claimsSales.get("reason").asText().contains("reserved for its connector"), claimsSales.toString());
        HubClient.Response stillRefused = hub.post("quarantine/" + claimsSales.get("id").asLong() + "/replay", HubClient.OPERATOR);
        assertEquals(422, stillRefused.status(), "a replay holds the line to the same rules: " + stillRefused.body());

        long id = item.get("id").asLong();
        HubClient.Response replay = hub.post("quarantine/" + id + "/replay", HubClient.OPERATOR);
        assertEquals(422, replay.status(), replay.body());
        assertEquals("OPEN", replay.json().get("status").asText());

        assertEquals(403, hub.post("quarantine/" + id + "/discard", HubClient.VIEWER).status());
        HubClient.Response noReason = hub.post("quarantine/" + id + "/discard", HubClient.OPERATOR);
        assertEquals(400, noReason.status(), noReason.body());
        assertTrue(noReason.json().get("error").asText().contains("a reason is required"), noReason.body());
        assertEquals("OPEN", hub.get("quarantine/" + id, HubClient.OPERATOR).json().get("status").asText(), "refused, nothing closed");
        HubClient.Response discard = hub.postJson("quarantine/" + id + "/discard", HubClient.OPERATOR,
                "{\"reason\": \"test line, never a real customer\"}");
        assertEquals(200, discard.status(), discard.body());
        assertEquals("DISCARDED", discard.json().get("status").asText());
        assertEquals("operator", discard.json().get("closedBy").asText());
        JsonNode kept = hub.get("quarantine/" + id, HubClient.OPERATOR).json();
        assertEquals("test line, never a real customer", kept.get("closeReason").asText(), "who discarded it, when and why is kept");
        assertTrue(kept.hasNonNull("closedAt"), kept.toString());
        assertEquals(409, hub.post("quarantine/" + id + "/replay", HubClient.OPERATOR).status());
    }
}
