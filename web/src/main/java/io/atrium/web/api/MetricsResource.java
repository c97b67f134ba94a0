package io.atrium.web.api;

import io.atrium.hub.metrics.HubMetrics;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The hub's metrics in Prometheus text format, for a monitoring system's user (role hub-metrics) or an administrator. */
@RolesAllowed({HubRoles.METRICS, HubRoles.ADMIN})
@RequestScoped
@Path("/metrics")
public class MetricsResource {

    /** Prometheus' text exposition format 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @EJB
    HubMetrics metrics;

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String metrics() {
        return metrics.scrape();
    }
}
