package io.atrium.hub.polling;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The polling routes follow WildFly's singleton election (as its service reports it); other routes run regardless. */
class SingletonPollingRoutesTest {

    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        SingletonPolicyClusterService.elected(false);
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:poll?period=60000").routeId("sales-poll").group("sales").log("polled");
                from("direct:webhook").routeId("ticket-webhook").group("service").log("received");
            }
        });
        SingletonPollingRoutes.install(camel, Set.of("sales"));
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        SingletonPolicyClusterService.elected(false);
    }

    @Test
    void pollersWaitForTheElectionAndStopWhenItMovesAway() {
        assertEquals(ServiceStatus.Started, status("ticket-webhook"));
        assertTrue(status("sales-poll") != ServiceStatus.Started, "a node not elected polls nothing");

        SingletonPolicyClusterService.elected(true);
        await(() -> status("sales-poll") == ServiceStatus.Started, "the elected node polls");

        SingletonPolicyClusterService.elected(false);
        await(() -> status("sales-poll") != ServiceStatus.Started, "the node that lost the election stops polling");
        assertEquals(ServiceStatus.Started, status("ticket-webhook"));
    }

    private ServiceStatus status(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId);
    }

    private static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.onSpinWait();
        }
    }
}
