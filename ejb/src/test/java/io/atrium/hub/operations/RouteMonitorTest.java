package io.atrium.hub.operations;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor on a real Camel context with management, as the hub runs it. */
class RouteMonitorTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T10:00:10Z"));
    private final RouteMonitor monitor = new RouteMonitor(clock);
    private DefaultCamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        monitor.install(camel);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:intake").routeId("intake").routeGroup("canonical")
                        .process(exchange -> {
                            if ("bad".equals(exchange.getIn().getBody())) {
                                throw new IllegalArgumentException("no customer with phone 13800138000");
                            }
                        });
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void everyRouteIsListedTheSamplerAsInternal() {
        List<RouteView> routes = monitor.routes();
        assertEquals(List.of("intake", RouteMonitor.SAMPLING_ROUTE), routes.stream().map(RouteView::id).toList());
        assertEquals(List.of("canonical", RouteMonitor.INTERNAL), routes.stream().map(RouteView::group).toList());
        assertTrue(routes.stream().allMatch(route -> "Started".equals(route.state())), routes.toString());
        assertEquals("from direct://intake", routes.get(0).description());
        assertEquals(0, routes.get(0).meanProcessingMillis(), "no exchange yet");
    }

    @Test
    void theLastFailureIsKeptMaskedAndMakesTheRouteFailingUntilASuccess() {
        producer.sendBody("direct:intake", "good");
        assertThrows(CamelExecutionException.class, () -> producer.sendBody("direct:intake", "bad"));

        RouteView failing = monitor.route("intake").orElseThrow();
        assertTrue(failing.failing());
        assertEquals(2, failing.exchangesTotal());
        assertEquals(1, failing.exchangesFailed());
        assertTrue(failing.lastError().startsWith("java.lang.IllegalArgumentException: "), failing.lastError());
        assertFalse(failing.lastError().contains("13800138000"), "masked: " + failing.lastError());
        assertTrue(failing.lastError().endsWith("8000"), failing.lastError());
        assertFalse(failing.lastErrorAt().isBefore(failing.lastSuccessAt()));

        producer.sendBody("direct:intake", "good");
        RouteView recovered = monitor.route("intake").orElseThrow();
        assertFalse(recovered.failing());
        assertEquals(failing.lastError(), recovered.lastError(), "the last error stays to be read");
    }

    @Test
    void exchangesAreCountedPerMinuteFromTheSamples() {
        producer.sendBody("direct:intake", "good");
        monitor.sample();
        clock.advance(Duration.ofMinutes(1));
        producer.sendBody("direct:intake", "good");
        producer.sendBody("direct:intake", "good");
        monitor.sample();
        producer.sendBody("direct:intake", "good");

        List<Integer> perMinute = monitor.route("intake").orElseThrow().perMinute();
        assertEquals(60, perMinute.size());
        assertEquals(List.of(2, 1), perMinute.subList(58, 60));
    }

    @Test
    void aStoppedRouteReadsStoppedAndAnUnknownOneIsAbsent() throws Exception {
        camel.getRouteController().stopRoute("intake");
        assertEquals("Stopped", monitor.route("intake").orElseThrow().state());
        camel.getRouteController().startRoute("intake");
        camel.getRouteController().suspendRoute("intake");
        assertEquals("Suspended", monitor.route("intake").orElseThrow().state());
        assertTrue(monitor.route("nothing").isEmpty());
        assertNull(monitor.route("intake").orElseThrow().lastError());
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
