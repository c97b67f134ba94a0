package io.atrium.hub.polling;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

import java.util.Set;

/**
 * Puts the routes of the polling connectors (timers, directory and API pollers, the membership queue drain)
 * under Camel's {@link ClusteredRoutePolicy}, elected by WildFly's singleton policy: on two nodes they run on
 * one only, and start on the other when that one leaves. Other routes (webhooks) run on every node.
 */
public final class SingletonPollingRoutes implements RoutePolicyFactory {

    private static final String NAMESPACE = "atrium-pollers";

    private final SingletonPolicyClusterService election = new SingletonPolicyClusterService();
    private final Set<String> pollingSources;

    private SingletonPollingRoutes(Set<String> pollingSources) {
        this.pollingSources = pollingSources;
    }

    /** Installs the election and the policy in a context not yet started; routes are told apart by group (source). */
    public static void install(CamelContext camel, Set<String> pollingSources) throws Exception {
        SingletonPollingRoutes routes = new SingletonPollingRoutes(pollingSources);
        camel.addService(routes.election);
        camel.addRoutePolicyFactory(routes);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode route) {
        if (!(route instanceof RouteDefinition definition) || !pollingSources.contains(definition.getGroup())) {
            return null;
        }
        try {
            ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(election, NAMESPACE);
            policy.setCamelContext(camel);
            return policy;
        } catch (Exception e) {
            throw new IllegalStateException("the singleton policy of route " + routeId + " cannot be made", e);
        }
    }
}
