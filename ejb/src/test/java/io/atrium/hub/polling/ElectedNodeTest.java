package io.atrium.hub.polling;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which node does the cluster-wide work (the guarded timers): any single node; on a cluster, the elected one only. */
class ElectedNodeTest {

    @AfterEach
    void singleNodeAgain() {
        System.clearProperty(PollerSingletonActivator.POLICY_PROPERTY);
        SingletonPolicyClusterService.elected(false);
    }

    @Test
    void aSingleNodeDoesItWithoutAnElection() {
        SingletonPolicyClusterService.elected(false);
        assertTrue(ElectedNode.isThisOne());
    }

    @Test
    void onAClusterOnlyWhileElected() {
        System.setProperty(PollerSingletonActivator.POLICY_PROPERTY, "default");
        assertFalse(ElectedNode.isThisOne(), "before the election no node does it");

        SingletonPolicyClusterService.elected(true);
        assertTrue(ElectedNode.isThisOne());

        SingletonPolicyClusterService.elected(false);
        assertFalse(ElectedNode.isThisOne(), "the node that lost the election stops");
    }
}
