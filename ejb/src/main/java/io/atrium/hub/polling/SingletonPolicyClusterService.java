package io.atrium.hub.polling;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Camel's cluster service with WildFly's singleton policy as its election: this node leads every namespace
 * while the singleton service {@link PollerSingletonActivator} installs runs here, and no longer once it
 * stops (the node leaves the cluster, or shuts down). Camel's {@code ClusteredRoutePolicy} then starts
 * and stops the polling routes; the election itself (JGroups membership, quorum) stays the server's.
 */
public class SingletonPolicyClusterService extends AbstractCamelClusterService<SingletonPolicyClusterService.View> {

    // The server creates the singleton service and CamelBootstrap this cluster service: they meet in this
    // deployment's class, and a view started after the election reads it at once.
    private static final AtomicBoolean ELECTED = new AtomicBoolean();
    private static final Set<View> VIEWS = ConcurrentHashMap.newKeySet();

    public SingletonPolicyClusterService() {
        super("wildfly-singleton");
    }

    /** Called by the singleton service as it starts on this node (true) or stops (false). */
    static void elected(boolean primary) {
        ELECTED.set(primary);
        VIEWS.forEach(View::announceLeader);
    }

    /** Whether this node runs the polling routes now. */
    public static boolean isElected() {
        return ELECTED.get();
    }

    @Override
    protected View createView(String namespace) {
        return new View(namespace);
    }

    /** This node's view of a namespace: itself, leading while elected. */
    public final class View extends AbstractCamelClusterView {

        private final CamelClusterMember local = new CamelClusterMember() {
            @Override
            public boolean isLeader() {
                return ELECTED.get();
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return System.getProperty("jboss.node.name", "local");
            }
        };

        View(String namespace) {
            super(SingletonPolicyClusterService.this, namespace);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return ELECTED.get() ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        protected void doStart() {
            VIEWS.add(this);
            announceLeader();
        }

        @Override
        protected void doStop() {
            VIEWS.remove(this);
        }

        private void announceLeader() {
            fireLeadershipChangedEvent(getLeader());
        }
    }
}
