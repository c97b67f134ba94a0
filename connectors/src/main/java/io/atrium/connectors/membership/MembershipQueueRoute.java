package io.atrium.connectors.membership;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.QuarantineSink;
import jakarta.jms.ConnectionFactory;

/**
 * The membership system's events (XML, one per JMS message) from `hub.in.membership`,
 * drained in batches: each batch is read in one local JMS transaction, its events are
 * queued for resolution in one call, and only then is the batch acknowledged. One JMS
 * transaction per event would cap the connector at a few hundred events a second.
 * Delivery is at least once and out of order: the canonical record carries the event time
 * as its version and each points event is a fact keyed by its eventId, so a repeated or
 * older event changes nothing downstream.
 */
public class MembershipQueueRoute extends ConnectorRouteBuilder {

    public static final String ROUTE_ID = "membership-events";

    private final CanonicalSink sink;
    private final QuarantineSink quarantine;
    private final ConnectionFactory connectionFactory;

    public MembershipQueueRoute(CanonicalSink sink, QuarantineSink quarantine, ConnectionFactory connectionFactory) {
        this.sink = sink;
        this.quarantine = quarantine;
        this.connectionFactory = connectionFactory;
    }

    @Override
    public String source() {
        return "membership";
    }

    @Override
    protected void configureRoutes() {
        MembershipQueueDrain drain = new MembershipQueueDrain(connectionFactory, setting("atrium.membership.queue"),
                Integer.parseInt(setting("atrium.membership.batch-size")), sink, quarantine);
        from("timer:membership-drain?delay=1000&period={{atrium.membership.poll-period}}")
                .routeId(ROUTE_ID)
                .process(exchange -> drain.drain());
    }
}
