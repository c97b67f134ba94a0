package io.atrium.hub.camel;

import io.atrium.connectors.canonical.CanonicalFileDropRoute;
import io.atrium.connectors.canonical.CanonicalSourceRules;
import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.ProcessedInputRepository;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.connectors.leasing.LeasingFileRoute;
import io.atrium.connectors.membership.MembershipQueueRoute;
import io.atrium.connectors.property.PropertyPollingRoute;
import io.atrium.connectors.sales.SalesPollingRoute;
import io.atrium.connectors.service.TicketWebhookRoute;
import io.atrium.hub.activity.ConnectorActivity;
import io.atrium.hub.ingest.RecordIngestion;
import io.atrium.hub.operations.RouteMonitor;
import io.atrium.hub.polling.PollerSingletonActivator;
import io.atrium.hub.polling.SalesPolling;
import io.atrium.hub.polling.SingletonPollingRoutes;
import io.atrium.hub.progress.ConnectorProgressStore;
import io.atrium.hub.quarantine.Quarantine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.microprofile.config.CamelMicroProfilePropertiesSource;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.impl.DefaultCamelContext;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts the hub's Camel context with the application and stops it on undeploy. JMS goes
 * through the server's pooled XA connection factory; Camel threads come from the server.
 * Endpoint settings are Camel placeholders resolved through MicroProfile Config, like every
 * other setting of the hub: defaults in this module's {@code META-INF/microprofile-config.properties},
 * overridden by a system property of the same name (-D, or a -P properties file). Each
 * connector's routes are added only when its `atrium.<source>.enabled` is true.
 */
// Open to every caller: the health check reads its routes' state.
@PermitAll
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CamelBootstrap {

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    /**
     * The membership queue is drained with local JMS transactions, from the broker's plain
     * in-VM factory: a transaction per batch, not the JTA transaction per message JmsXA implies.
     */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory consumerConnectionFactory;

    @Resource
    ManagedThreadFactory threadFactory;

    @EJB
    RecordIngestion ingestion;

    @EJB
    Quarantine quarantine;

    @EJB
    ConnectorProgressStore progress;

    @EJB
    SalesPolling salesPolling;

    @EJB
    ConnectorActivity activity;

    @Inject
    CanonicalSourceRules canonicalRules;

    private DefaultCamelContext camel;
    private ProducerTemplate producer;
    private final RouteMonitor routeMonitor = new RouteMonitor(Clock.systemUTC());

    @PostConstruct
    void start() {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("atrium");
        camel.getExecutorServiceManager().setThreadPoolFactory(new ManagedThreadPoolFactory(threadFactory));
        // MicroProfile Config is the one source of settings, named here rather than discovered on the class path.
        // The routes are built and started in this method, so it reads this module's Config (the thread's class loader).
        PropertiesComponent settings = new PropertiesComponent();
        settings.setAutoDiscoverPropertiesSources(false);
        settings.addPropertiesSource(new CamelMicroProfilePropertiesSource());
        camel.setPropertiesComponent(settings);
        camel.addComponent("jms", JmsComponent.jmsComponent(connectionFactory));
        // in-flight polls may be waiting out a back-off; an undeploy does not wait for them
        camel.getShutdownStrategy().setTimeout(10);
        camel.getShutdownStrategy().setShutdownNowOnTimeout(true);
        CanonicalSink sink = ingestion::enqueue;
        QuarantineSink quarantineSink = quarantine::record;
        try {
            List<ConnectorRouteBuilder> pollers = List.of(
                    new CanonicalFileDropRoute(sink, quarantineSink, canonicalRules),
                    new SalesPollingRoute(salesPolling),
                    new LeasingFileRoute(sink, quarantineSink, progress),
                    new PropertyPollingRoute(sink, quarantineSink, progress, activity::futureDated, activity::throttled),
                    new MembershipQueueRoute(sink, quarantineSink, consumerConnectionFactory));
            List<ConnectorRouteBuilder> connectors = Stream.concat(pollers.stream(), Stream.of(
                    new TicketWebhookRoute(sink, quarantineSink,
                            new ProcessedInputRepository(progress, TicketWebhookRoute.DELIVERIES)))).toList();
            if (PollerSingletonActivator.electsPollers()) {
                // two nodes: the pollers run where WildFly's singleton policy elects, the webhooks everywhere
                SingletonPollingRoutes.install(camel, pollers.stream().map(ConnectorRouteBuilder::source).collect(Collectors.toSet()));
            }
            routeMonitor.install(camel);
            for (ConnectorRouteBuilder connector : connectors) {
                connector.reportFailuresTo(activity::failed);
                if (isEnabled(connector)) {
                    camel.addRoutes(connector);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Camel routes cannot be built", e);
        }
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @PreDestroy
    void stop() {
        camel.stop();
    }

    public CamelContext context() {
        return camel;
    }

    /** Every route's state and statistics, its last error and its exchanges per minute. */
    public RouteMonitor routeMonitor() {
        return routeMonitor;
    }

    /** Sends to the routes' `direct:` endpoints, in the caller's thread and transaction. */
    public ProducerTemplate producer() {
        return producer;
    }

    private boolean isEnabled(ConnectorRouteBuilder connector) {
        return camel.getPropertiesComponent().resolveProperty(connector.enabledProperty())
                .map(Boolean::parseBoolean).orElse(false);
    }
}
