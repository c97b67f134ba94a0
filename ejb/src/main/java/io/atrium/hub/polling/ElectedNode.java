package io.atrium.hub.polling;

/**
 * The one answer to "does this node do the hub's cluster-wide work" (the polling connectors, and the timers whose
 * work is shared: snapshots written, the inbox taken, rows cleaned up, re-scoring passes). On a single node
 * (no {@value PollerSingletonActivator#POLICY_PROPERTY}) always; on a cluster, while WildFly's singleton
 * election, as {@link PollerSingletonActivator}'s service reports it, has this node.
 */
public final class ElectedNode {

    private ElectedNode() {
    }

    public static boolean isThisOne() {
        return !PollerSingletonActivator.electsPollers() || SingletonPolicyClusterService.isElected();
    }
}
