package io.atrium.connectors.common;

import io.atrium.resolution.model.CanonicalMessage;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.function.ThrowingConsumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector's route in a test Camel context, with the hub's side standing in as lists: the
 * resolver queue (which can be made to fail), the quarantine, the failure report and the progress
 * store. The route is built from its real builder with test settings, advised on its route id,
 * and only then started.
 */
public abstract class ConnectorRouteTestSupport extends CamelTestSupport {

    /** One retry after a second (the error handler's first back-off): enough to see it, short enough to wait for. */
    private static final String REDELIVERIES = "1";

    protected final List<CanonicalMessage> delivered = Collections.synchronizedList(new ArrayList<>());
    protected final List<RejectedInput> quarantined = Collections.synchronizedList(new ArrayList<>());
    protected final List<String> reportedFailures = Collections.synchronizedList(new ArrayList<>());
    /** How many of the next deliveries fail, as a resolver queue that is down would. */
    protected final AtomicInteger sinkOutages = new AtomicInteger();
    protected final AtomicInteger deliveryAttempts = new AtomicInteger();
    protected final Map<String, String> progressEntries = new ConcurrentHashMap<>();

    protected final CanonicalSink sink = messages -> {
        deliveryAttempts.incrementAndGet();
        if (sinkOutages.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("resolver queue unavailable");
        }
        delivered.addAll(messages);
    };
    protected final QuarantineSink quarantine = quarantined::add;
    protected final ProgressStore progress = new ProgressStore() {
        @Override
        public Optional<String> load(String key) {
            return Optional.ofNullable(progressEntries.get(key));
        }

        @Override
        public void save(String key, String value) {
            progressEntries.put(key, value);
        }

        @Override
        public boolean remove(String key) {
            return progressEntries.remove(key) != null;
        }
    };

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        // the route is added and advised by each test, then the context started
        configuration.withUseRouteBuilder(false).withUseAdviceWith(true);
    }

    /** Adds the connector's routes with these settings, advises its route, and starts the context. */
    protected void start(ConnectorRouteBuilder connector, Map<String, String> settings, String routeId,
                         ThrowingConsumer<AdviceWithRouteBuilder, Exception> advice) throws Exception {
        Properties properties = new Properties();
        properties.put("atrium.connector.redeliveries", REDELIVERIES);
        properties.putAll(settings);
        context.getPropertiesComponent().setOverrideProperties(properties);
        connector.reportFailuresTo((source, reason) -> reportedFailures.add(source + ": " + reason));
        context.addRoutes(connector);
        AdviceWith.adviceWith(context, routeId, advice);
        context.start();
    }

    protected List<String> deliveredSourceIds() {
        synchronized (delivered) {
            return delivered.stream().map(message -> message.getParty() != null ? message.getParty().getSourceId()
                    : message.getFacts().get(0).getFactId()).toList();
        }
    }

    protected List<String> quarantinedPositions() {
        synchronized (quarantined) {
            return quarantined.stream().map(RejectedInput::position).toList();
        }
    }
}
