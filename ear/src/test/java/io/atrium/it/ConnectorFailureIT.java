package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source system that cannot be reached is reported to operators: with no property API
 * listening on the port the IT hub polls, the property connector gives up after its
 * retries and says so, with the reason, at `GET /hub/api/connectors`.
 */
class ConnectorFailureIT extends DeployedHub {

    @Test
    void anUnreachableSourceIsShownToOperatorsWithItsReason() {
        HubClient hub = hub();
        JsonNode[] property = new JsonNode[1];
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode source : hub.get("connectors", HubClient.OPERATOR).json().get("sources")) {
                if ("property".equals(source.get("source").asText()) && source.get("failures").asLong() > 0) {
                    property[0] = source;
                    return true;
                }
            }
            return false;
        });
        String reason = property[0].get("lastFailure").asText();
        assertTrue(reason.contains("ConnectException"), reason);
        assertTrue(property[0].hasNonNull("lastFailureAt"));
    }
}
