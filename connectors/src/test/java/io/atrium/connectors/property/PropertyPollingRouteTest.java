package io.atrium.connectors.property;

import com.sun.net.httpserver.HttpServer;
import io.atrium.connectors.common.ConnectorRouteTestSupport;
import io.atrium.connectors.common.RejectedInput;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property route against the API served over real HTTP by a JDK server in the test; the route's
 * timer is replaced by a direct endpoint, so that each poll runs when the test says.
 */
class PropertyPollingRouteTest extends ConnectorRouteTestSupport {

    private static final String POLL = "direct:property-poll";
    private static final String UPDATED = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString();

    private final AtomicInteger unavailableAnswers = new AtomicInteger();
    private HttpServer api;

    static String owner(String ownerId, String name) {
        return """
                {"ownerId":"%s","fullName":"%s","phones":["13800138000"],"idCard":null,"email":null,
                 "units":[{"project":"翠湖花园","building":"3栋","unit":"1502","relation":"业主","since":"2019-06-01"}],
                 "arrears":0,"updatedAt":"%s"}""".formatted(ownerId, name, UPDATED);
    }

    static String workOrder(String orderId, String type) {
        return """
                {"orderId":"%s","ownerId":"PM-1","type":"%s","description":"厨房漏水","createdAt":"%s","closedAt":null,
                 "rating":null,"updatedAt":"%s"}""".formatted(orderId, type, UPDATED, UPDATED);
    }

    @BeforeEach
    void startApi() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/api/v1/owners", List.of(owner("PM-1", "陈美玲"),
                // an escaped NUL passes every check of the raw text, and PostgreSQL refuses it once decoded
                owner("PM-6", "陈\\u0000美玲"),
                owner("PM-5", "<script>alert(1)</script>"),
                "{\"ownerId\":\"PM-2\",\"updatedAt\":\"" + UPDATED + "\"}",
                owner("PM-3", "陈美玲").replace("\"phones\":[\"13800138000\"]", "\"phones\":{\"$ne\":null}"),
                owner("PM-4", "陈美玲").replace("\"arrears\":0", "\"arrears\":[[[[[[[[[[\"lots\"]]]]]]]]]]"),
                // served on every poll: no watermark ever passes an item without a readable time
                owner("PM-7", "陈美玲").replace(UPDATED, "last Tuesday")));
        serve("/api/v1/work-orders", List.of(workOrder("WO-2", "维修"),
                workOrder("WO-3", "维修").replace("厨房漏水", "漏".repeat(100_001)),
                workOrder("WO-4", "维修"), workOrder("WO-1", "报修")));
        api.start();
        start(new PropertyPollingRoute(sink, quarantine, progress, (source, position) -> { }, (source, reason) -> { }),
                Map.of("atrium.property.base-url", "http://127.0.0.1:" + api.getAddress().getPort(),
                        "atrium.property.api-key", "test-key", "atrium.property.max-attempts", "2",
                        "atrium.property.max-retry-wait-seconds", "1", "atrium.property.page-size", "3",
                        "atrium.property.max-passes", "2", "atrium.property.clock-skew", "120000",
                        "atrium.property.poll-period", "60000"),
                PropertyPollingRoute.ROUTE_ID, route -> route.replaceFromWith(POLL));
    }

    @AfterEach
    void stopApi() {
        api.stop(0);
    }

    @Test
    void goodItemsAreQueuedOnceAndBadOnesQuarantinedWithPageItemAndReasonAcrossPages() {
        template.sendBody(POLL, null);

        assertEquals(List.of("PM-1", "PM-5", "WO-2", "WO-4"), deliveredSourceIds(), "markup in a name is a name: kept as text");
        assertEquals(List.of("owners page 0 item 1", "owners page 1 item 0", "owners page 1 item 1", "owners page 1 item 2",
                        "owners page 2 item 0", "work-orders page 0 item 1", "work-orders page 1 item 0"),
                quarantinedPositions().stream().map(position -> position.replaceAll("^/api/v1/(\\S+) .* (page .*)$", "$1 $2")).toList());
        for (RejectedInput rejected : quarantined) {
            assertTrue(!rejected.reason().isBlank() && !rejected.reason().contains("陈美玲"), rejected.reason());
        }
        assertEquals("name holds the control character U+0000 at character 2", quarantined.get(0).reason());
        assertEquals("updatedAt is not an ISO-8601 date-time with offset", quarantined.get(4).reason());
        assertTrue(quarantined.get(5).reason().startsWith("fact data has 100"), quarantined.get(5).reason());

        template.sendBody(POLL, null);
        assertEquals(4, delivered.size(), "items served again are not queued twice");
        assertEquals(7, quarantined.size(), () -> "nor quarantined twice, the one without a readable time included: "
                + quarantinedPositions());
        assertEquals(List.of(), reportedFailures);
    }

    @Test
    void anApiThatStaysUnavailableIsRetriedThenReportedAndTheNextPollTakesEverythingOnce() {
        unavailableAnswers.set(Integer.MAX_VALUE);
        assertThrows(CamelExecutionException.class, () -> template.sendBody(POLL, null));
        assertTrue(reportedFailures.get(0).startsWith("property: PropertyApiException: property API answered 503"),
                reportedFailures.get(0));
        assertEquals(List.of(), delivered);

        unavailableAnswers.set(0);
        sinkOutages.set(1);
        template.sendBody(POLL, null);
        assertEquals(List.of("PM-1", "PM-5", "WO-2", "WO-4"), deliveredSourceIds(), "a failed delivery retried once, nothing doubled");
        assertEquals(7, quarantined.size());
    }

    /** The collection in pages of three, as the API pages it; 503 while the test says it is unavailable. */
    private void serve(String path, List<String> items) {
        api.createContext(path, exchange -> {
            if (unavailableAnswers.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                answer(exchange, 503, "{}");
                return;
            }
            int page = Integer.parseInt(exchange.getRequestURI().getQuery().replaceAll(".*page=(\\d+).*", "$1"));
            List<String> served = items.subList(Math.min(items.size(), page * 3), Math.min(items.size(), page * 3 + 3));
            answer(exchange, 200, "{\"items\":[" + String.join(",", served) + "],\"page\":" + page + ",\"size\":3,\"total\":"
                    + items.size() + "}");
        });
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
