package io.atrium.hub.camel;

import io.atrium.connectors.canonical.CanonicalFileDropRoute;
import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.hub.ingest.RecordIngestion;
import io.atrium.hub.quarantine.Quarantine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Starts the hub's Camel context with the application and stops it on undeploy. JMS goes
 * through the server's pooled XA connection factory; Camel threads come from the server.
 * Endpoint settings are Camel placeholders with the defaults below; any of them can be
 * overridden by a system property of the same name (-D, or a -P properties file). Each
 * connector's routes are added only when its `atrium.<source>.enabled` is true.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CamelBootstrap {

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    @Resource
    ManagedThreadFactory threadFactory;

    @EJB
    RecordIngestion ingestion;

    @EJB
    Quarantine quarantine;

    private DefaultCamelContext camel;

    @PostConstruct
    void start() {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("atrium");
        camel.getExecutorServiceManager().setThreadPoolFactory(new ManagedThreadPoolFactory(threadFactory));
        camel.getPropertiesComponent().setInitialProperties(defaults());
        camel.addComponent("jms", JmsComponent.jmsComponent(connectionFactory));
        CanonicalSink sink = ingestion::enqueue;
        QuarantineSink quarantineSink = quarantine::record;
        try {
            for (ConnectorRouteBuilder connector : List.of(new CanonicalFileDropRoute(sink, quarantineSink))) {
                if (isEnabled(connector)) {
                    camel.addRoutes(connector);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Camel routes cannot be built", e);
        }
        camel.start();
    }

    @PreDestroy
    void stop() {
        camel.stop();
    }

    public CamelContext context() {
        return camel;
    }

    private boolean isEnabled(ConnectorRouteBuilder connector) {
        return camel.getPropertiesComponent().resolveProperty(connector.enabledProperty())
                .map(Boolean::parseBoolean).orElse(false);
    }

    private static Properties defaults() {
        Path data = Path.of(System.getProperty("jboss.server.data.dir", "data"), "atrium");
        Properties defaults = new Properties();
        defaults.setProperty("atrium.canonical.enabled", "true");
        defaults.setProperty("atrium.canonical.inbox", data.resolve("inbox/canonical").toString());
        defaults.setProperty("atrium.canonical.poll-delay", "1000");
        return defaults;
    }
}
