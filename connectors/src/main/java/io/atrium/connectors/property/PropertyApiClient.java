package io.atrium.connectors.property;

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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Fetches one page of the property-management API. Under load the API answers 429 or 503:
 * the client waits as long as `Retry-After` says (seconds or an HTTP date), or backs off
 * exponentially when it says nothing, and gives up after the configured attempts.
 */
public class PropertyApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int UNAVAILABLE = 503;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String apiKey;
    private final int maxAttempts;
    private final Duration maxWait;
    private final RetryWait retryWait;

    public PropertyApiClient(String baseUrl, String apiKey, int maxAttempts, Duration maxWait, RetryWait retryWait) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
        this.retryWait = retryWait;
    }

    public JsonNode page(PropertyEndpoint endpoint, String updatedSince, int page, int size) {
        URI uri = URI.create(baseUrl + endpoint.path() + "?updatedSince=" + URLEncoder.encode(updatedSince, StandardCharsets.UTF_8)
                + "&page=" + page + "&size=" + size);
        HttpRequest request = HttpRequest.newBuilder(uri).header("X-Api-Key", apiKey).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            if (status == 200) {
                return parse(response.body(), endpoint, page);
            }
            if ((status != TOO_MANY_REQUESTS && status != UNAVAILABLE) || attempt >= maxAttempts) {
                throw new PropertyApiException("property API answered " + status + " for " + endpoint.path() + " page " + page
                        + (attempt > 1 ? " after " + attempt + " attempts" : ""));
            }
            retryWait.waitBeforeRetry(status, waitMillis(response, attempt));
        }
    }

    private long waitMillis(HttpResponse<String> response, int attempt) {
        long backOff = Math.min(maxWait.toMillis(), 500L << Math.min(attempt - 1, 16));
        return response.headers().firstValue("Retry-After").map(value -> retryAfterMillis(value, backOff))
                .map(wait -> Math.min(wait, maxWait.toMillis())).orElse(backOff);
    }

    private static long retryAfterMillis(String value, long fallback) {
        try {
            return Math.max(0, Long.parseLong(value.trim()) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                return Math.max(0, Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis());
            } catch (DateTimeParseException notADate) {
                return fallback;
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PropertyApiException("property API cannot be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PropertyApiException("interrupted while calling the property API", e);
        }
    }

    private static JsonNode parse(String body, PropertyEndpoint endpoint, int page) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.path("items").isArray() || !json.path("total").canConvertToLong()) {
                throw new PropertyApiException("property API page " + page + " of " + endpoint.path() + " has no items or total");
            }
            return json;
        } catch (IOException e) {
            throw new PropertyApiException("property API page " + page + " of " + endpoint.path() + " is not JSON", e);
        }
    }

    /** Waits before the next attempt after the API answered {@code status} (429 or 503). */
    @FunctionalInterface
    public interface RetryWait {
        void waitBeforeRetry(int status, long millis);
    }

    /** The API could not be read; the poll stops and its watermark stays where it was. */
    public static class PropertyApiException extends RuntimeException {
        PropertyApiException(String message) {
            super(message);
        }

        PropertyApiException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
