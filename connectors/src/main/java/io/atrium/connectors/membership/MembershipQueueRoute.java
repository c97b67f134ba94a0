package io.atrium.connectors.membership;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.NativeFormats;
import io.atrium.connectors.common.QuarantineSink;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.resolution.model.InvalidRecordException;

import java.util.List;

/**
 * The membership system's events (XML, one per JMS message) from `hub.in.membership`.
 * Delivery is at least once and out of order: the canonical record carries the event time
 * as its version and each points event is a fact keyed by its eventId, so a repeated or
 * older event changes nothing downstream. A message that is not a valid event is
 * quarantined with its JMS message id; the queue moves on.
 */
public class MembershipQueueRoute extends ConnectorRouteBuilder {

    public static final String ROUTE_ID = "membership-events";

    private final CanonicalSink sink;
    private final QuarantineSink quarantine;

    public MembershipQueueRoute(CanonicalSink sink, QuarantineSink quarantine) {
        this.sink = sink;
        this.quarantine = quarantine;
    }

    @Override
    public String enabledProperty() {
        return "atrium.membership.enabled";
    }

    @Override
    protected void configureRoutes() {
        // a local JMS transaction per message: it is acknowledged only after the sink has queued it
        // (or the quarantine kept it); a failure in between redelivers it, and a redelivery changes nothing
        from("jms:queue:{{atrium.membership.queue}}?connectionFactory=#consumerConnectionFactory&transacted=true"
                + "&concurrentConsumers={{atrium.membership.consumers}}")
                .routeId(ROUTE_ID)
                .process(exchange -> {
                    String xml = exchange.getIn().getBody(String.class);
                    try {
                        sink.deliver(List.of(NativeFormats.map(InputFormat.MEMBERSHIP_XML, xml)));
                    } catch (InvalidRecordException e) {
                        quarantine.quarantine(new RejectedInput("membership", InputFormat.MEMBERSHIP_XML,
                                "message " + exchange.getIn().getHeader("JMSMessageID", String.class), e.getMessage(),
                                xml == null ? "" : xml));
                    }
                });
    }
}
