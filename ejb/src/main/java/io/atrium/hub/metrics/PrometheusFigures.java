package io.atrium.hub.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Figures the hub keeps elsewhere (Camel's totals, the connectors' counters, queue depths), set before each scrape
 * and served by Micrometer in Prometheus' text format. A series is registered the first time it is set; each meter
 * reads the latest value set for its name and tags. Names get the prefix {@value #PREFIX}.
 */
final class PrometheusFigures {

    private static final String PREFIX = "atrium.";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Double> figures = new ConcurrentHashMap<>();

    /** A value that goes up and down; NaN when unknown. */
    void gauge(String name, String unit, String help, Tags tags, double value) {
        String key = key(name, tags);
        if (figures.put(key, value) == null) {
            Gauge.builder(PREFIX + name, figures, f -> f.getOrDefault(key, Double.NaN))
                    .baseUnit(unit).description(help).tags(tags).register(registry);
        }
    }

    /** A running total (it may restart from zero with the server or a reset, which Prometheus' rate() allows for). */
    void counter(String name, String unit, String help, Tags tags, double value) {
        String key = key(name, tags);
        if (figures.put(key, value) == null) {
            FunctionCounter.builder(PREFIX + name, figures, f -> f.getOrDefault(key, 0.0))
                    .baseUnit(unit).description(help).tags(tags).register(registry);
        }
    }

    /** Every series in Prometheus text format 0.0.4. */
    String scrape() {
        return registry.scrape();
    }

    private static String key(String name, Tags tags) {
        return name + tags;
    }
}
