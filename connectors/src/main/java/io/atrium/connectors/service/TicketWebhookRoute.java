package io.atrium.connectors.service;

import io.atrium.connectors.common.CanonicalSink;
import io.atrium.connectors.common.ConnectorRouteBuilder;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.IntakeBatch;
import io.atrium.connectors.common.QuarantineSink;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The call center's ticket changes, as the webhook hands them over once it has checked the
 * signature: the raw body is mapped, or quarantined with its reason; a body already taken
 * (same SHA-256, so the same ticket, event and content) is a duplicate of an at-least-once
 * delivery and changes nothing; anything else is queued for resolution. The route runs in
 * the caller's thread and transaction, and its answer (a {@link TicketOutcome}) is the
 * webhook's.
 */
public class TicketWebhookRoute extends ConnectorRouteBuilder {

    public static final String ROUTE_ID = "service-tickets";
    public static final String ENDPOINT = "direct:" + ROUTE_ID;
    /** Namespace of the taken requests' keys in the hub's progress store. */
    public static final String DELIVERIES = "service-delivery";
    private static final String BODY_DIGEST = "atriumBodyDigest";

    private final CanonicalSink sink;
    private final QuarantineSink quarantine;
    private final IdempotentRepository deliveries;

    public TicketWebhookRoute(CanonicalSink sink, QuarantineSink quarantine, IdempotentRepository deliveries) {
        this.sink = sink;
        this.quarantine = quarantine;
        this.deliveries = deliveries;
    }

    @Override
    public String source() {
        return TicketMapper.SOURCE;
    }

    @Override
    protected void configureRoutes() {
        from(ENDPOINT)
                .routeId(ROUTE_ID)
                // the call center is waiting for the answer: no retries here, a failure answers 503 and it sends again
                .errorHandler(noErrorHandler())
                .process(this::mapOrQuarantine)
                .idempotentConsumer(header(BODY_DIGEST), deliveries).skipDuplicate(false)
                    .choice()
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .setBody(constant(TicketOutcome.of(TicketOutcome.Status.DUPLICATE)))
                        .otherwise()
                            .process(this::deliver)
                    .end()
                .end();
    }

    private void mapOrQuarantine(Exchange exchange) {
        byte[] body = exchange.getIn().getBody(byte[].class);
        String text = new String(body, StandardCharsets.UTF_8);
        IntakeBatch request = new IntakeBatch(source());
        exchange.getIn().setHeader(BODY_DIGEST, sha256(body));
        exchange.getIn().setBody(request);
        request.add(InputFormat.SERVICE_TICKET_JSON, "webhook request received " + Instant.now(), () -> text,
                () -> TicketMapper.map(text)).ifPresent(refused -> {
                    request.handOver(sink, quarantine);
                    exchange.getIn().setBody(new TicketOutcome(TicketOutcome.Status.REJECTED, refused.reason()));
                    exchange.setRouteStop(true);
                });
    }

    private void deliver(Exchange exchange) {
        exchange.getIn().getBody(IntakeBatch.class).handOver(sink, quarantine);
        exchange.getIn().setBody(TicketOutcome.of(TicketOutcome.Status.QUEUED));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
