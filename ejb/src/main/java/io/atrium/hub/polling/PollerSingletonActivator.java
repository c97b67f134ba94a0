package io.atrium.hub.polling;

import org.jboss.msc.Service;
import org.jboss.msc.service.ServiceActivator;
import org.jboss.msc.service.ServiceActivatorContext;
import org.jboss.msc.service.ServiceName;
import org.jboss.msc.service.StartContext;
import org.jboss.msc.service.StopContext;
import org.wildfly.clustering.singleton.service.SingletonServiceActivator;
import org.wildfly.clustering.singleton.service.SingletonServiceActivatorContext;

import java.util.logging.Logger;

/**
 * On a server started with {@value #POLICY_PROPERTY} (the name of a singleton policy of the server's
 * {@code singleton} subsystem, e.g. {@code default} on standalone-full-ha), installs a service that WildFly
 * runs on one node of the cluster at a time; {@link SingletonPolicyClusterService} hands its election to
 * the polling routes and, through {@link ElectedNode}, to the cluster-wide timers. Without the property (one
 * node, standalone-full) nothing is installed and the polling routes start as every other route does.
 */
public class PollerSingletonActivator implements ServiceActivator {

    /** The system property naming the singleton policy; unset on a single node. */
    public static final String POLICY_PROPERTY = "atrium.polling.singleton-policy";

    private static final Logger LOG = Logger.getLogger(PollerSingletonActivator.class.getName());
    private static final ServiceName SERVICE = ServiceName.JBOSS.append("atrium", "polling", "singleton");

    /** Whether the polling routes wait for the singleton election (the property is set). */
    public static boolean electsPollers() {
        return System.getProperty(POLICY_PROPERTY) != null;
    }

    @Override
    public void activate(ServiceActivatorContext context) {
        String policy = System.getProperty(POLICY_PROPERTY);
        if (policy == null) {
            return;
        }
        SingletonServiceActivator singleton = new SingletonServiceActivator() {
            @Override
            public String getSingletonPolicy() {
                return policy;
            }

            @Override
            public void activate(SingletonServiceActivatorContext singletonContext) {
                singletonContext.getServiceTarget().addService(SERVICE).setInstance(new Service() {
                    @Override
                    public void start(StartContext start) {
                        LOG.info("This node now runs the polling connectors and the cluster-wide timers (singleton policy " + policy + ")");
                        SingletonPolicyClusterService.elected(true);
                    }

                    @Override
                    public void stop(StopContext stop) {
                        LOG.info("This node no longer runs the polling connectors and the cluster-wide timers");
                        SingletonPolicyClusterService.elected(false);
                    }
                }).install();
            }
        };
        singleton.activate(context);
    }
}
