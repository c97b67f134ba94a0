package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source system that cannot be reached is reported to operators: with no property API
 * listening on the port the IT hub polls, the property connector gives up after its
 * retries and says so, with the reason, at `GET /hub/api/connectors`, and that it is failing
 * now (`failingSince`); once the API answers and the connector delivers again, the failure
 * is over (`failingSince` null) and `recoveredAt` says when it ended.
 */
class ConnectorFailureIT extends DeployedHub {

    @Test
    void anUnreachableSourceIsShownToOperatorsWithItsReasonWhileItLastsAndItsRecoveryAfter() {
        HubClient hub = hub();
        JsonNode failing = awaitProperty(hub, source -> source.get("failures").asLong() > 0 && source.hasNonNull("failingSince"));
        String reason = failing.get("lastFailure").asText();
        assertTrue(reason.contains("ConnectException"), reason);
        assertTrue(failing.hasNonNull("lastFailureAt"));
        Instant since = Instant.parse(failing.get("failingSince").asText());
        assertFalse(since.isAfter(Instant.parse(failing.get("lastFailureAt").asText())), failing.toString());

        String run = TestData.runId();
        try (PropertyApiStub api = new PropertyApiStub()) {
            api.owners.add(PropertyApiStub.owner("PM-" + run + "-back", TestData.mobile(run + "back"),
                    OffsetDateTime.now(ZoneOffset.ofHours(8))));
            JsonNode recovered = awaitProperty(hub, source -> !source.hasNonNull("failingSince") && source.hasNonNull("recoveredAt")
                    && Instant.parse(source.get("recoveredAt").asText()).isAfter(since));
            assertTrue(Instant.parse(recovered.get("recoveredAt").asText()).isAfter(Instant.parse(recovered.get("lastFailureAt").asText())),
                    recovered.toString());
            assertTrue(recovered.hasNonNull("lastFailure"), "the last failure stays on show after the recovery");
        }
    }

    private static JsonNode awaitProperty(HubClient hub, Predicate<JsonNode> condition) {
        JsonNode[] property = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode source : hub.get("connectors", HubClient.OPERATOR).json().get("sources")) {
                if ("property".equals(source.get("source").asText()) && condition.test(source)) {
                    property[0] = source;
                    return true;
                }
            }
            return false;
        });
        return property[0];
    }
}
