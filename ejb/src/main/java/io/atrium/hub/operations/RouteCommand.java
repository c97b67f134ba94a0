package io.atrium.hub.operations;

import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RouteController;

import java.util.Locale;
import java.util.function.Predicate;

/** What an operator may do to a route, each only from the states where it means something. */
public enum RouteCommand {
    STOP(ServiceStatus::isStoppable, RouteController::stopRoute),
    // Camel would also start a suspended route; resume says what it does
    START(status -> status.isStartable() && !status.isSuspended(), RouteController::startRoute),
    SUSPEND(ServiceStatus::isSuspendable, RouteController::suspendRoute),
    RESUME(ServiceStatus::isSuspended, RouteController::resumeRoute);

    private final Predicate<ServiceStatus> appliesTo;
    private final Action action;

    RouteCommand(Predicate<ServiceStatus> appliesTo, Action action) {
        this.appliesTo = appliesTo;
        this.action = action;
    }

    public boolean appliesTo(ServiceStatus status) {
        return appliesTo.test(status);
    }

    void apply(RouteController routes, String routeId) throws Exception {
        action.apply(routes, routeId);
    }

    /** As in the API's path: stop, start, suspend, resume. */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface Action {
        void apply(RouteController routes, String routeId) throws Exception;
    }
}
