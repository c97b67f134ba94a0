package io.atrium.connectors.service;

import io.atrium.connectors.common.RejectedInput;
import io.atrium.resolution.model.CanonicalMessage;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The customer-service route in a real Camel context; the hub's queue and quarantine stand in as lists. */
class TicketWebhookRouteTest {

    private final List<CanonicalMessage> queued = new ArrayList<>();
    private final List<RejectedInput> quarantined = new ArrayList<>();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private ProducerTemplate webhook;

    @BeforeEach
    void start() throws Exception {
        camel.addRoutes(new TicketWebhookRoute(queued::addAll, quarantined::add,
                MemoryIdempotentRepository.memoryIdempotentRepository()));
        camel.start();
        webhook = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void aTicketIsQueuedOnceHoweverOftenItIsDelivered() {
        assertEquals(TicketOutcome.Status.QUEUED, receive(TicketMapperTest.TICKET).status());
        assertEquals(TicketOutcome.Status.DUPLICATE, receive(TicketMapperTest.TICKET).status());
        assertEquals(1, queued.size());
        assertEquals("T20260301-0001", queued.get(0).getParty().getSourceId());

        String closed = TicketMapperTest.TICKET.replace("\"created\"", "\"closed\"");
        assertEquals(TicketOutcome.Status.QUEUED, receive(closed).status(), "a new event of the same ticket");
        assertEquals(2, queued.size());
        assertEquals(List.of(), quarantined);
    }

    @Test
    void anInvalidTicketIsQuarantinedWithItsReasonAndNotRemembered() {
        String invalid = TicketMapperTest.TICKET.replace("\"satisfaction\":null", "\"satisfaction\":6");
        TicketOutcome outcome = receive(invalid);

        assertEquals(new TicketOutcome(TicketOutcome.Status.REJECTED, "satisfaction is not a whole number from 1 to 5"), outcome);
        assertEquals(1, quarantined.size());
        assertEquals("service", quarantined.get(0).source());
        assertEquals(invalid, quarantined.get(0).payload());
        assertEquals(List.of(), queued);
        assertEquals(TicketOutcome.Status.REJECTED, receive(invalid).status(), "answered the same way when sent again");
    }

    private TicketOutcome receive(String body) {
        return webhook.requestBody(TicketWebhookRoute.ENDPOINT, body.getBytes(StandardCharsets.UTF_8), TicketOutcome.class);
    }
}
