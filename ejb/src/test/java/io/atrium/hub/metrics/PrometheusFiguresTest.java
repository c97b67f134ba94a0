package io.atrium.hub.metrics;

import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusFiguresTest {

    private final PrometheusFigures figures = new PrometheusFigures();

    @Test
    void seriesAreNamedAsPrometheusExpectsAndReadTheLatestValue() {
        Tags route = Tags.of("route", "leasing-files", "group", "leasing");
        figures.counter("route.exchanges", null, "exchanges", route, 3);
        figures.counter("route.processing", "seconds", "time", route, 1.5);
        figures.gauge("route.processing.max", "seconds", "longest", route, 0.25);
        figures.counter("route.exchanges", null, "exchanges", route, 7);

        List<String> lines = figures.scrape().lines().toList();
        assertTrue(lines.contains("# TYPE atrium_route_exchanges_total counter"), lines.toString());
        assertTrue(lines.contains("atrium_route_exchanges_total{group=\"leasing\",route=\"leasing-files\"} 7.0"), lines.toString());
        assertTrue(lines.contains("atrium_route_processing_seconds_total{group=\"leasing\",route=\"leasing-files\"} 1.5"), lines.toString());
        assertTrue(lines.contains("# TYPE atrium_route_processing_max_seconds gauge"), lines.toString());
        assertTrue(lines.contains("atrium_route_processing_max_seconds{group=\"leasing\",route=\"leasing-files\"} 0.25"), lines.toString());
        assertEquals(1, lines.stream().filter(line -> line.startsWith("atrium_route_exchanges_total")).count(), "set twice, one series");
    }

    @Test
    void eachTagSetIsASeriesOfItsOwnAndAnUnknownGaugeIsNaN() {
        figures.gauge("queue.messages", null, "depth", Tags.of("queue", "AtriumRecords"), 12);
        figures.gauge("queue.messages", null, "depth", Tags.of("queue", "AtriumDLQ"), Double.NaN);

        String text = figures.scrape();
        assertTrue(text.contains("atrium_queue_messages{queue=\"AtriumRecords\"} 12.0"), text);
        assertTrue(text.contains("atrium_queue_messages{queue=\"AtriumDLQ\"} NaN"), text);
    }
}
