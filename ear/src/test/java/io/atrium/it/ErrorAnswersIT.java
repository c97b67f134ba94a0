package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The errors JAX-RS itself raises before a resource method runs are JSON with a reason like the API's
 * own: a method the path does not take (405, with Allow), a body type it does not take (415), an Accept
 * it cannot answer (406), a body that is not JSON or not of the expected shape (400).
 */
class ErrorAnswersIT extends DeployedHub {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMethodThePathDoesNotTakeIs405WithAllowAndAReason() {
        HttpResponse<String> answer = send(request("customers/changes", HubClient.APP)
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertReason(405, answer);
        assertTrue(answer.headers().firstValue("Allow").orElse("").contains("GET"), answer.headers().toString());
    }

    @Test
    void aBodyTypeTheResourceDoesNotTakeIs415WithAReason() {
        assertReason(415, send(request("steward/splits", HubClient.ADMIN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("split it"))));
    }

    @Test
    void anAcceptTheResourceCannotAnswerIs406WithAReason() {
        assertReason(406, send(request("customers/changes", HubClient.APP).header("Accept", "application/xml").GET()));
    }

    @Test
    void aBodyThatIsNotJsonOrNotOfTheExpectedShapeIs400WithAReasonThatQuotesNothing() {
        String secret = "13800138000";
        for (String body : new String[]{"{\"source\": \"x\", \"sourceId\": \"" + secret, "{\"source\": \"x\", \"block\": \"" + secret + "\"}"}) {
            HttpResponse<String> answer = send(request("steward/splits", HubClient.ADMIN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertReason(400, answer);
            assertFalse(answer.body().contains(secret), answer.body());
        }
    }

    private static void assertReason(int status, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), answer.headers().toString());
        try {
            JsonNode json = TestData.JSON.readTree(answer.body());
            assertFalse(json.path("error").asText().isBlank(), answer.body());
            assertFalse(json.path("error").asText().contains("RESTEASY"), "a reason for the caller, not the log: " + answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    private HttpRequest.Builder request(String path, String credentials) {
        return HttpRequest.newBuilder(URI.create(deploymentUrl.toString()).resolve("/hub/api/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
