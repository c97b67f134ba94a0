package io.atrium.hub.ingest;

import io.atrium.connectors.service.TicketOutcome;
import io.atrium.connectors.service.TicketWebhookRoute;
import io.atrium.hub.camel.CamelBootstrap;
import io.atrium.hub.polling.ElectedNode;
import io.atrium.hub.progress.ConnectorProgressStore;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * The customer-service connector as the webhook sees it: a verified request's body goes to
 * the connector's route, which maps, quarantines or queues it in this transaction. Open to
 * anonymous callers: the webhook has checked the signature before calling.
 */
@Stateless
@PermitAll
public class TicketWebhook {

    @EJB
    CamelBootstrap camel;

    @EJB
    ConnectorProgressStore progress;

    /** How long a taken request is remembered as such: longer than the call center keeps retrying. */
    @Inject
    @ConfigProperty(name = "atrium.service.duplicate-window-hours")
    long duplicateWindowHours;

    /** False when the connector is switched off (`atrium.service.enabled`): its route was not added. */
    public boolean isOn() {
        return camel.context().getRoute(TicketWebhookRoute.ROUTE_ID) != null;
    }

    public TicketOutcome receive(byte[] body) {
        return camel.producer().requestBody(TicketWebhookRoute.ENDPOINT, body, TicketOutcome.class);
    }

    /**
     * Forgets taken requests older than the window, so that their table stays bounded. The table is shared: on
     * two nodes the elected one cleans it, rather than both deleting the same rows.
     */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void forgetOldDeliveries() {
        if (!ElectedNode.isThisOne()) {
            return;
        }
        progress.removeOlderThan(TicketWebhookRoute.DELIVERIES + ":", Instant.now().minus(Duration.ofHours(duplicateWindowHours)));
    }
}
