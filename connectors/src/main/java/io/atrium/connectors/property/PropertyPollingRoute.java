package io.atrium.connectors.property;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.FutureDatedSink;
import io.atrium.connectors.common.ProgressStore;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.connectors.common.SourceClock;
import io.atrium.connectors.common.ThrottledSink;

import java.time.Duration;

/** Polls the property-management API on a timer: owners first, then work orders. */
public class PropertyPollingRoute extends ConnectorRouteBuilder {

    public static final String ROUTE_ID = "property-poll";

    private final CanonicalSink sink;
    private final QuarantineSink quarantine;
    private final ProgressStore progress;
    private final FutureDatedSink futureDated;
    private final ThrottledSink throttled;

    public PropertyPollingRoute(CanonicalSink sink, QuarantineSink quarantine, ProgressStore progress, FutureDatedSink futureDated,
                                ThrottledSink throttled) {
        this.sink = sink;
        this.quarantine = quarantine;
        this.progress = progress;
        this.futureDated = futureDated;
        this.throttled = throttled;
    }

    @Override
    public String source() {
        return "property";
    }

    @Override
    protected void configureRoutes() {
        PropertyApiClient api = new PropertyApiClient(
                setting("atrium.property.base-url"), optionalSetting("atrium.property.api-key").orElse(""),
                Integer.parseInt(setting("atrium.property.max-attempts")),
                Duration.ofSeconds(Long.parseLong(setting("atrium.property.max-retry-wait-seconds"))),
                (status, millis) -> {
                    throttled.throttled(source(), "property API answered " + status + ", retrying in " + millis + " ms");
                    sleep(millis);
                });
        PropertyPoller poller = new PropertyPoller(api, progress, sink, quarantine,
                Integer.parseInt(setting("atrium.property.page-size")), Integer.parseInt(setting("atrium.property.max-passes")),
                SourceClock.of(setting("atrium.property.clock-skew")), futureDated);
        from("timer:property-poll?delay=1000&period={{atrium.property.poll-period}}")
                .routeId(ROUTE_ID)
                .process(exchange -> {
                    for (PropertyEndpoint endpoint : PropertyEndpoint.values()) {
                        poller.poll(endpoint);
                    }
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PropertyApiClient.PropertyApiException("interrupted while waiting to retry", e);
        }
    }
}
