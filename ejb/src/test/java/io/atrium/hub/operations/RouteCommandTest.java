package io.atrium.hub.operations;

import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteCommandTest {

    @Test
    void eachCommandAppliesOnlyWhereItMeansSomething() {
        Map<RouteCommand, Set<ServiceStatus>> expected = Map.of(
                RouteCommand.STOP, EnumSet.of(ServiceStatus.Started, ServiceStatus.Suspended),
                RouteCommand.START, EnumSet.of(ServiceStatus.Initialized, ServiceStatus.Stopped),
                RouteCommand.SUSPEND, EnumSet.of(ServiceStatus.Started),
                RouteCommand.RESUME, EnumSet.of(ServiceStatus.Suspended));
        expected.forEach((command, states) -> {
            Set<ServiceStatus> applies = EnumSet.noneOf(ServiceStatus.class);
            for (ServiceStatus status : ServiceStatus.values()) {
                if (command.appliesTo(status)) {
                    applies.add(status);
                }
            }
            assertEquals(states, applies, command.verb());
        });
    }
}
