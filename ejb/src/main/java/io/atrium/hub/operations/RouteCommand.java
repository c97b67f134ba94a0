package io.atrium.hub.operations;

import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RouteController;

/** What an operator may do to a route, each only from the states where it means something. */
public enum RouteCommand {
    STOP {
        @Override
        public boolean appliesTo(ServiceStatus status) {
            return status.isStoppable();
        }

        @Override
        void apply(RouteController routes, String routeId) throws Exception {
            routes.stopRoute(routeId);
        }
    },
    START {
        @Override
        public boolean appliesTo(ServiceStatus status) {
            // Camel would also start a suspended route; resume says what it does
            return status.isStartable() && !status.isSuspended();
        }

        @Override
        void apply(RouteController routes, String routeId) throws Exception {
            routes.startRoute(routeId);
        }
    },
    SUSPEND {
        @Override
        public boolean appliesTo(ServiceStatus status) {
            return status.isSuspendable();
        }

        @Override
        void apply(RouteController routes, String routeId) throws Exception {
            routes.suspendRoute(routeId);
        }
    },
    RESUME {
        @Override
        public boolean appliesTo(ServiceStatus status) {
            return status.isSuspended();
        }

        @Override
        void apply(RouteController routes, String routeId) throws Exception {
            routes.resumeRoute(routeId);
        }
    };

    public abstract boolean appliesTo(ServiceStatus status);

    abstract void apply(RouteController routes, String routeId) throws Exception;

    /** As in the API's path: stop, start, suspend, resume. */
    public String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
