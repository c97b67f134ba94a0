package io.atrium.hub.metrics;

import io.atrium.hub.activity.ConnectorActivity;
import io.atrium.hub.camel.CamelBootstrap;
import io.atrium.hub.deadletter.DeadLetterQueue;
import io.atrium.hub.deadletter.QueueDepths;
import io.atrium.hub.ingest.ResolverOutage;
import io.atrium.hub.ingest.ResolverQueue;
import io.atrium.hub.operations.RouteView;
import io.atrium.hub.quarantine.Quarantine;
import io.atrium.hub.quarantine.QuarantineCount;
import io.atrium.hub.quarantine.QuarantineStatus;
import io.atrium.hub.resolve.ResolverTimings;
import io.atrium.hub.security.HubRoles;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The hub's figures for monitoring systems, in Prometheus' text format: per route its counters and timings, the
 * resolver's timings, the depths of the hub's queues, the quarantine by source and status, and per connector what
 * it queued, had quarantined, gave up on and was told to wait. Every figure is read when scraped (the sources keep
 * their own totals); Micrometer names and formats them. Scrapes take turns (the singleton's write lock).
 */
@Singleton
@RolesAllowed({HubRoles.METRICS, HubRoles.ADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HubMetrics {

    private static final double MILLIS = 1_000.0;

    @EJB
    CamelBootstrap camel;

    @EJB
    ConnectorActivity activity;

    @EJB
    Quarantine quarantine;

    @Inject
    ResolverTimings resolverTimings;

    @Inject
    ResolverOutage resolverOutage;

    @Inject
    QueueDepths queueDepths;

    @Inject
    @ConfigProperty(name = "atrium.membership.queue")
    String membershipQueue;

    private final PrometheusFigures figures = new PrometheusFigures();

    /** Every figure read now, in Prometheus text format 0.0.4. */
    public String scrape() {
        routes();
        resolver();
        queues();
        quarantine();
        connectors();
        return figures.scrape();
    }

    private void routes() {
        for (RouteView route : camel.routeMonitor().routes()) {
            Tags tags = Tags.of("route", route.id(), "group", route.group());
            figures.counter("route.exchanges", null, "exchanges the route finished, succeeded or failed", tags, route.exchangesTotal());
            figures.counter("route.exchanges.failed", null, "exchanges of the route that failed", tags, route.exchangesFailed());
            figures.counter("route.processing", "seconds", "time spent in the route's finished exchanges", tags,
                    route.totalProcessingMillis() / MILLIS);
            figures.gauge("route.exchanges.inflight", null, "exchanges in the route now", tags, route.inflight());
            figures.gauge("route.processing.mean", "seconds", "mean time of the route's exchanges", tags,
                    route.meanProcessingMillis() / MILLIS);
            figures.gauge("route.processing.max", "seconds", "longest exchange of the route", tags,
                    route.maxProcessingMillis() / MILLIS);
            figures.gauge("route.started", null, "1 while the route is started, 0 while stopped or suspended", tags,
                    "Started".equals(route.state()) ? 1 : 0);
            figures.gauge("route.failing", null, "1 while the route's last exchange failed", tags, route.failing() ? 1 : 0);
        }
    }

    private void resolver() {
        ResolverTimings.Summary timings = resolverTimings.summary();
        figures.counter("resolver.resolved", null, "records resolved since the timings were last reset", Tags.empty(),
                timings.resolved());
        String window = "time to resolve a record in its transaction, over the latest records (as GET /resolver)";
        figures.gauge("resolver.resolve", "seconds", window, Tags.of("quantile", "0.5"), timings.p50Millis() / MILLIS);
        figures.gauge("resolver.resolve", "seconds", window, Tags.of("quantile", "0.95"), timings.p95Millis() / MILLIS);
        figures.gauge("resolver.resolve", "seconds", window, Tags.of("quantile", "0.99"), timings.p99Millis() / MILLIS);
        figures.gauge("resolver.resolve.max", "seconds", "longest resolve in the window", Tags.empty(), timings.maxMillis() / MILLIS);
        figures.gauge("resolver.waiting", null, "1 while the resolver waits out a transient failure", Tags.empty(),
                resolverOutage.status().waiting() ? 1 : 0);
    }

    private void queues() {
        for (String queue : List.of(ResolverQueue.NAME, DeadLetterQueue.NAME, membershipQueue)) {
            Long messages = queueDepths.depth(queue).messages();
            figures.gauge("queue.messages", null, "messages in the queue (NaN when the broker does not say)",
                    Tags.of("queue", queue), messages == null ? Double.NaN : messages);
        }
    }

    private void quarantine() {
        List<QuarantineCount> counts = quarantine.counts();
        Map<String, Long> items = counts.stream()
                .collect(Collectors.toMap(c -> c.source() + "\n" + c.status(), QuarantineCount::items, Long::sum));
        Set<String> sources = counts.stream().map(QuarantineCount::source).collect(Collectors.toCollection(TreeSet::new));
        // every status of a source that has any, so that a count that fell to nothing reads 0
        for (String source : sources) {
            for (QuarantineStatus status : QuarantineStatus.values()) {
                figures.gauge("quarantine.items", null, "quarantined items by source and status",
                        Tags.of("source", source, "status", status.name()), items.getOrDefault(source + "\n" + status, 0L));
            }
        }
    }

    private void connectors() {
        for (ConnectorActivity.SourceActivity source : activity.snapshot()) {
            Tags tags = Tags.of("source", source.source());
            figures.counter("connector.queued", null, "items the connector queued for resolution since the server started",
                    tags, source.queued());
            figures.counter("connector.quarantined", null, "items of the source quarantined since the server started",
                    tags, source.quarantined());
            figures.counter("connector.failures", null, "failures the connector gave up on after its retries", tags,
                    source.failures());
            figures.counter("connector.throttled", null, "answers that told the connector to wait (429, 503), retried",
                    tags, source.throttled());
            figures.gauge("connector.failing", null, "1 from the connector's first failure until it delivers again", tags,
                    source.failingSince() == null ? 0 : 1);
        }
    }
}
