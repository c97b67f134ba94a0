package io.atrium.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `GET /hub/api/metrics` as a monitoring system scrapes it: Prometheus text format 0.0.4 whose every line parses,
 * with the series README names, holding plausible values once records have flowed.
 */
class MetricsIT extends DeployedHub {

    static final String METRICS = "metrics:metrics-pass1!";
    /** A sample line: name, optional labels, value (the format's optional timestamp is not used by Micrometer). */
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*");

    @Test
    void theNamedSeriesParseAndHoldWhatFlowed() {
        HubClient hub = hub();
        String run = TestData.runId();
        String source = "metrics-" + run;
        String phone = TestData.mobile(source);
        String file = source + ".jsonl";
        TestData.drop(TestData.serverData().resolve("atrium/inbox/canonical"), file,
                TestData.canonicalPerson(source, "M-1", "李娜", phone) + "\n"
                        + TestData.canonicalPerson(source, "M-2", "李娜", phone) + "\n"
                        + "{\"source\":\"" + source + "\",\"sourceId\":\"M-3\",\"birthDate\":\"15/07/1985\"}\n",
                StandardCharsets.UTF_8);
        hub.awaitCustomerWithPhone(phone, 2);
        hub.awaitQuarantined(file + " line 3");

        Scrape scrape = scrape(METRICS);
        assertEquals(200, scrape.status(), scrape.body());
        assertEquals("text/plain;version=0.0.4;charset=utf-8", scrape.contentType().toLowerCase().replace(" ", ""));
        Map<String, Double> series = parse(scrape.body());

        String canonicalRoute = "{group=\"canonical\",route=\"canonical-file-drop\"}";
        assertTrue(series.get("atrium_route_exchanges_total" + canonicalRoute) >= 1, "the file was an exchange");
        assertTrue(series.containsKey("atrium_route_exchanges_failed_total" + canonicalRoute));
        assertTrue(series.get("atrium_route_processing_seconds_total" + canonicalRoute) > 0);
        assertTrue(series.get("atrium_route_processing_max_seconds" + canonicalRoute)
                >= series.get("atrium_route_processing_mean_seconds" + canonicalRoute));
        assertEquals(1.0, series.get("atrium_route_started" + canonicalRoute));
        assertTrue(series.containsKey("atrium_route_exchanges_inflight" + canonicalRoute));
        assertTrue(series.containsKey("atrium_route_failing{group=\"internal\",route=\"route-sampling\"}"));
        for (String route : new String[]{"sales-poll", "leasing-files", "property-poll", "membership-events", "service-tickets"}) {
            assertTrue(series.keySet().stream().anyMatch(key -> key.startsWith("atrium_route_exchanges_total{")
                    && key.contains("route=\"" + route + "\"")), route);
        }

        assertTrue(series.get("atrium_resolver_resolved_total") >= 2);
        double p50 = series.get("atrium_resolver_resolve_seconds{quantile=\"0.5\"}");
        double p99 = series.get("atrium_resolver_resolve_seconds{quantile=\"0.99\"}");
        assertTrue(p50 > 0 && p50 <= p99 && p99 <= series.get("atrium_resolver_resolve_max_seconds"), series.toString());
        assertTrue(series.containsKey("atrium_resolver_waiting"));

        for (String queue : new String[]{"AtriumRecords", "AtriumDLQ", "hub.in.membership"}) {
            assertTrue(series.get("atrium_queue_messages{queue=\"" + queue + "\"}") >= 0, queue);
        }
        assertTrue(series.get("atrium_quarantine_items{source=\"canonical\",status=\"OPEN\"}") >= 1);
        assertTrue(series.containsKey("atrium_quarantine_items{source=\"canonical\",status=\"DISCARDED\"}"), "every status");
        assertEquals(2.0, series.get("atrium_connector_queued_total{source=\"" + source + "\"}"), "the two good lines");
        assertTrue(series.containsKey("atrium_connector_failures_total{source=\"" + source + "\"}"));
        assertTrue(series.containsKey("atrium_connector_throttled_total{source=\"" + source + "\"}"));
        assertTrue(series.containsKey("atrium_connector_failing{source=\"" + source + "\"}"));
        assertTrue(series.get("atrium_connector_quarantined_total{source=\"canonical\"}") >= 1);
    }

    @Test
    void onlyTheMetricsRoleAndAdministratorsScrape() {
        assertEquals(200, scrape(HubClient.ADMIN).status());
        assertEquals(403, scrape(HubClient.OPERATOR).status());
        assertEquals(401, scrape(null).status());
        assertEquals(403, hub().get("routes", METRICS).status(), "the metrics user reads nothing else");
        assertEquals(403, hub().get("connectors", METRICS).status());
    }

    /** Every line a sample, a HELP or TYPE comment, or empty; the samples by name and labels. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || COMMENT.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue(sample.matches(), "not a sample line: " + line);
            series.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)), Double.parseDouble(sample.group(3).replace("Inf", "Infinity")));
        }
        return series;
    }

    private Scrape scrape(String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(deploymentUrl.toString()).resolve("/hub/api/metrics"));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Scrape(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Scrape(int status, String contentType, String body) {
    }
}
