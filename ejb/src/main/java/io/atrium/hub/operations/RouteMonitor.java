package io.atrium.hub.operations;

import io.atrium.hub.quarantine.PersonalDataMask;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.util.URISupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Route state and statistics for operators and metrics, from Camel's management (`camel-management`), with what
 * Camel does not keep: the last failed exchange's exception per route (an event notifier: a managed route records
 * only start and stop errors) and the exchanges finished per minute over the last hour (totals sampled at each
 * minute's start by a timer route of its own, {@value #SAMPLING_ROUTE}, group {@value #INTERNAL}).
 */
public final class RouteMonitor {

    public static final String SAMPLING_ROUTE = "route-sampling";
    /** The group of the hub's own routes, beside the connectors' sources. */
    public static final String INTERNAL = "internal";
    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final int MAX_ERROR = 500;

    private final Clock clock;
    private final ConcurrentMap<String, MinuteHistory> histories = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> lastErrors = new ConcurrentHashMap<>();
    private CamelContext camel;

    public RouteMonitor(Clock clock) {
        this.clock = clock;
    }

    /** Call before the context starts: Camel tells event notifiers about exchanges only if one was there at start. */
    public void install(CamelContext camel) throws Exception {
        this.camel = camel;
        camel.getManagementStrategy().addEventNotifier(new FailedExchanges());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // fixed rate, first at the next minute's start: one sample per minute, each early in its minute
                long untilNextMinute = MINUTE_MILLIS - Math.floorMod(clock.millis(), MINUTE_MILLIS);
                from("timer:" + SAMPLING_ROUTE + "?fixedRate=true&period=" + MINUTE_MILLIS + "&delay=" + untilNextMinute)
                        .routeId(SAMPLING_ROUTE)
                        .routeGroup(INTERNAL)
                        .routeDescription("samples every route's totals at each minute's start for the per-minute history")
                        .process(exchange -> sample());
            }
        });
    }

    /** Every route of the context, by group and id. */
    public List<RouteView> routes() {
        return managed().getManagedRoutes().stream()
                .map(this::view)
                .sorted(Comparator.comparing(RouteView::group).thenComparing(RouteView::id))
                .toList();
    }

    public Optional<RouteView> route(String routeId) {
        return Optional.ofNullable(managed().getManagedRoute(routeId)).map(this::view);
    }

    void sample() {
        long minute = Math.floorDiv(clock.millis(), MINUTE_MILLIS);
        for (ManagedRouteMBean route : managed().getManagedRoutes()) {
            history(route.getRouteId()).sample(minute, route.getExchangesTotal());
        }
    }

    private RouteView view(ManagedRouteMBean managed) {
        String id = managed.getRouteId();
        Route route = camel.getRoute(id);
        Instant lastSuccess = instant(managed.getLastExchangeCompletedTimestamp());
        Instant lastFailure = instant(managed.getLastExchangeFailureTimestamp());
        long total = managed.getExchangesTotal();
        return new RouteView(id,
                route == null || route.getGroup() == null ? INTERNAL : route.getGroup(),
                route == null ? "" : route.getDescription() != null ? route.getDescription()
                        : "from " + URISupport.sanitizeUri(route.getEndpoint().getEndpointBaseUri()),
                state(camel.getRouteController().getRouteStatus(id)),
                lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess)),
                total, managed.getExchangesFailed(), managed.getExchangesInflight(),
                lastSuccess, lastFailure, lastErrors.get(id),
                history(id).perMinute(Math.floorDiv(clock.millis(), MINUTE_MILLIS), total),
                // Camel says -1 before the first exchange
                Math.max(0, managed.getMeanProcessingTime()), managed.getMaxProcessingTime(), managed.getTotalProcessingTime());
    }

    /** The three states operators act on; Camel's passing ones (starting, stopping, ...) read as where they come from. */
    private static String state(ServiceStatus status) {
        if (status == null) {
            return ServiceStatus.Stopped.name();
        }
        if (status.isStarted() || status.isStopping()) {
            return ServiceStatus.Started.name();
        }
        return status.isSuspended() || status.isSuspending() ? ServiceStatus.Suspended.name() : ServiceStatus.Stopped.name();
    }

    private MinuteHistory history(String routeId) {
        return histories.computeIfAbsent(routeId, id -> new MinuteHistory());
    }

    private ManagedCamelContext managed() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        if (managed == null) {
            throw new IllegalStateException("Camel's management is not available (camel-management missing)");
        }
        return managed;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** The exception class and its message, masked: connectors word theirs without values, others may not. */
    static String describe(Throwable failure) {
        Throwable telling = failure;
        while (telling.getMessage() == null && telling.getCause() != null && telling.getCause() != telling) {
            telling = telling.getCause();
        }
        String text = telling.getClass().getName()
                + (telling.getMessage() == null ? "" : ": " + PersonalDataMask.mask(telling.getMessage()));
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    private final class FailedExchanges extends EventNotifierSupport {

        FailedExchanges() {
            setIgnoreCamelContextEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreStepEvents(true);
            setIgnoreExchangeCreatedEvent(true);
            setIgnoreExchangeCompletedEvent(true);
            setIgnoreExchangeSendingEvents(true);
            setIgnoreExchangeSentEvents(true);
            setIgnoreExchangeRedeliveryEvents(true);
            setIgnoreExchangeAsyncProcessingStartedEvents(true);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeFailedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            Exchange exchange = ((CamelEvent.ExchangeFailedEvent) event).getExchange();
            Throwable failure = exchange.getException() != null ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            if (exchange.getFromRouteId() != null && failure != null) {
                lastErrors.put(exchange.getFromRouteId(), describe(failure));
            }
        }
    }
}
