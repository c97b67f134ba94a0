package io.atrium.connectors.property;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.atrium.connectors.common.ProgressStore;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.connectors.common.SourceClock;
import io.atrium.resolution.model.CanonicalMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poller against a paged API over real HTTP (JDK server): items that move during a pass, and a source clock that lies. */
class PropertyPollerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final List<ObjectNode> owners = new CopyOnWriteArrayList<>();
    /** Runs once, after the first page 0 served: the source changing while the hub pages. */
    private volatile Runnable afterFirstPage;
    private final Map<String, String> progress = new HashMap<>();
    private final List<CanonicalMessage> delivered = new ArrayList<>();
    private final List<String> futureDated = new ArrayList<>();
    private final List<RejectedInput> rejected = new ArrayList<>();
    private HttpServer server;
    private PropertyPoller poller;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/owners", this::page);
        server.start();
        poller = new PropertyPoller(api(), store(), delivered::addAll, rejected::add, 3, 3,
                new SourceClock(Clock.fixed(NOW, ZoneOffset.UTC), SKEW), (source, position) -> futureDated.add(position));
    }

    private PropertyApiClient api() {
        return new PropertyApiClient("http://127.0.0.1:" + server.getAddress().getPort(), "key", 1, Duration.ofSeconds(1), (status, millis) -> { });
    }

    private ProgressStore store() {
        return new ProgressStore() {
            public Optional<String> load(String key) { return Optional.ofNullable(progress.get(key)); }
            public void save(String key, String value) { progress.put(key, value); }
            public boolean remove(String key) { return progress.remove(key) != null; }
        };
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anItemChangedAndMovedToTheLastPageDuringAPassArrivesInItsNewerState() {
        OffsetDateTime t = OffsetDateTime.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < 7; i++) {
            owners.add(owner("PM-" + i, "旧名" + i, t.plusSeconds(i)));
        }
        // PM-0 changes as late as the newest item: from the first page to the last
        afterFirstPage = () -> {
            owners.removeIf(o -> o.get("ownerId").asText().equals("PM-0"));
            owners.add(owner("PM-0", "新名", t.plusSeconds(6)));
        };

        poller.poll(PropertyEndpoint.OWNERS);

        List<String> names = delivered.stream().filter(m -> m.getParty().getSourceId().equals("PM-0"))
                .map(m -> m.getParty().getName()).toList();
        assertEquals(List.of("旧名0", "新名"), names, "both versions, the newer last");
        assertEquals(8, delivered.size(), "every other item once");
        assertEquals(t.plusSeconds(6).toString(), progress.get("property:owners"));
    }

    @Test
    void anItemDatedFarAheadIsDeliveredAndReportedAndTheWatermarkStaysBelowNow() {
        owners.add(owner("PM-future", "未来", OffsetDateTime.parse("2099-01-01T00:00:00Z")));
        poller.poll(PropertyEndpoint.OWNERS);
        assertEquals(1, delivered.size());
        assertEquals(1, futureDated.size());
        assertTrue(futureDated.get(0).contains("ownerId=PM-future"), futureDated.get(0));
        assertEquals(NOW.minus(SKEW).atOffset(ZoneOffset.UTC).toString(), progress.get("property:owners"));

        // a real change after the 2099 item is still read; the 2099 item, served again, is not taken twice
        owners.add(owner("PM-1", "张伟", NOW.minusSeconds(30).atOffset(ZoneOffset.UTC)));
        poller.poll(PropertyEndpoint.OWNERS);
        assertEquals(List.of("PM-future", "PM-1"), delivered.stream().map(m -> m.getParty().getSourceId()).toList());
        assertEquals(1, futureDated.size());
    }

    @Test
    void itemsReadAgainWithinTheSkewAreTakenOnceAndTheWatermarkFollowsTheClock() {
        MutableClock clock = new MutableClock(NOW);
        poller = new PropertyPoller(api(), store(), delivered::addAll, rejected::add, 3, 3, new SourceClock(clock, SKEW),
                (source, position) -> futureDated.add(position));
        owners.add(owner("PM-1", "张伟", NOW.minusSeconds(10).atOffset(ZoneOffset.UTC)));
        owners.add(JSON.createObjectNode().put("ownerId", "PM-broken").put("updatedAt", NOW.minusSeconds(5).atOffset(ZoneOffset.UTC).toString()));

        poller.poll(PropertyEndpoint.OWNERS);
        poller.poll(PropertyEndpoint.OWNERS);
        assertEquals(1, delivered.size(), "read again inside the skew, not queued again");
        assertEquals(1, rejected.size(), "nor quarantined again");
        assertEquals(NOW.minus(SKEW).atOffset(ZoneOffset.UTC).toString(), progress.get("property:owners"));

        clock.now = NOW.plus(SKEW).plusSeconds(60);
        poller.poll(PropertyEndpoint.OWNERS);
        assertEquals(NOW.minusSeconds(5).atOffset(ZoneOffset.UTC).toString(), progress.get("property:owners"),
                "once the clock passed them, the watermark passes the items taken before");
        assertEquals(1, delivered.size());
    }

    @Test
    void aWatermarkStoredInTheFutureIsPulledBackToTheCap() {
        progress.put("property:owners", "2099-01-01T00:00Z");
        poller.poll(PropertyEndpoint.OWNERS);
        assertEquals(NOW.minus(SKEW).atOffset(ZoneOffset.UTC).toString(), progress.get("property:owners"));
    }

    private static ObjectNode owner(String id, String name, OffsetDateTime updatedAt) {
        ObjectNode owner = JSON.createObjectNode().put("ownerId", id).put("fullName", name);
        owner.putArray("phones").add("13800138000");
        return owner.put("updatedAt", updatedAt.toString());
    }

    /** Items after updatedSince (exclusive), by (updatedAt, id), pages of the size asked for. */
    private void page(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        OffsetDateTime since = OffsetDateTime.parse(query.get("updatedSince"));
        int page = Integer.parseInt(query.get("page"));
        int size = Integer.parseInt(query.get("size"));
        List<ObjectNode> matching = owners.stream()
                .filter(o -> OffsetDateTime.parse(o.get("updatedAt").asText()).isAfter(since))
                .sorted(Comparator.comparing((ObjectNode o) -> OffsetDateTime.parse(o.get("updatedAt").asText()))
                        .thenComparing(o -> o.get("ownerId").asText()))
                .toList();
        ObjectNode body = JSON.createObjectNode().put("page", page).put("size", size).put("total", matching.size());
        ArrayNode items = body.putArray("items");
        matching.stream().skip((long) page * size).limit(size).forEach(items::add);
        Runnable change = afterFirstPage;
        if (page == 0 && change != null) {
            afterFirstPage = null;
            change.run();
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
