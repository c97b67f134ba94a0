package io.atrium.hub.health;

import io.atrium.hub.camel.CamelBootstrap;
import io.atrium.hub.deadletter.DeadLetterQueue;
import io.atrium.hub.deadletter.QueueDepths;
import io.atrium.hub.ingest.ResolverOutage;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/** Checks each part the hub depends on, live, on every call. */
// Open to every caller: health is public (no login).
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthChecks {

    private static final int DB_TIMEOUT_SECONDS = 2;

    @EJB
    CamelBootstrap camelBootstrap;

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Inject
    QueueDepths queueDepths;

    @Inject
    ResolverOutage resolverOutage;

    public HubHealth check() {
        CamelContext camel = camelBootstrap.context();
        HubHealth.Check context = new HubHealth.Check("camel-context",
                camel.isStarted() ? HealthStatus.UP : HealthStatus.DOWN, camel.getStatus().name());
        List<HubHealth.Check> routes = camel.getRoutes().stream().map(route -> routeCheck(camel, route)).toList();
        HubHealth.Check database = database();
        HubHealth.Check broker = broker();
        boolean serving = Stream.of(context, database, broker).allMatch(c -> c.status() == HealthStatus.UP);
        boolean routesUp = routes.stream().allMatch(c -> c.status() == HealthStatus.UP);
        List<QueueDepths.QueueDepth> queues = queueDepths.hubQueues();
        ResolverOutage.Status resolver = resolverOutage.status();
        boolean parked = queues.stream().anyMatch(q -> DeadLetterQueue.NAME.equals(q.queue())
                && q.messages() != null && q.messages() > 0);
        HealthStatus overall = !serving ? HealthStatus.DOWN
                : !routesUp || parked || resolver.waiting() ? HealthStatus.DEGRADED : HealthStatus.UP;
        return new HubHealth(overall, context, routes, database, broker, queues, resolver);
    }

    /**
     * A route that is not running (an operator stopped or suspended it) leaves the hub serving: its views,
     * its API and the other connectors work, so the hub is degraded, not down, and stays in its load balancer.
     */
    private static HubHealth.Check routeCheck(CamelContext camel, Route route) {
        var status = camel.getRouteController().getRouteStatus(route.getRouteId());
        return new HubHealth.Check(route.getRouteId(),
                status != null && status.isStarted() ? HealthStatus.UP : HealthStatus.DEGRADED,
                status == null ? "unknown" : status.name());
    }

    private HubHealth.Check database() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(DB_TIMEOUT_SECONDS);
            return new HubHealth.Check("database", valid ? HealthStatus.UP : HealthStatus.DOWN,
                    connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return new HubHealth.Check("database", HealthStatus.DOWN, e.getClass().getSimpleName());
        }
    }

    private HubHealth.Check broker() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer();
            return new HubHealth.Check("broker", HealthStatus.UP, "ActiveMQ Artemis");
        } catch (JMSRuntimeException e) {
            return new HubHealth.Check("broker", HealthStatus.DOWN, e.getClass().getSimpleName());
        }
    }
}
