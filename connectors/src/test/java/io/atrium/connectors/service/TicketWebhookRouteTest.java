package io.atrium.connectors.service;

import io.atrium.connectors.common.ConnectorRouteTestSupport;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.RejectedInput;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer-service route as the webhook calls it, once the signature is checked; every body
 * that got past the mapping (queued or duplicate) also reaches a mock endpoint woven in at the route's end.
 */
class TicketWebhookRouteTest extends ConnectorRouteTestSupport {

    private MockEndpoint mapped;

    @BeforeEach
    void start() throws Exception {
        start(new TicketWebhookRoute(sink, quarantine, MemoryIdempotentRepository.memoryIdempotentRepository()), Map.of(),
                TicketWebhookRoute.ROUTE_ID, route -> route.weaveAddLast().to("mock:mapped"));
        mapped = getMockEndpoint("mock:mapped");
    }

    @Test
    void aTicketIsQueuedOnceHoweverOftenItIsDelivered() {
        assertEquals(TicketOutcome.Status.QUEUED, receive(TicketMapperTest.TICKET).status());
        assertEquals(TicketOutcome.Status.DUPLICATE, receive(TicketMapperTest.TICKET).status());
        assertEquals(1, delivered.size());
        assertEquals("T20260301-0001", delivered.get(0).getParty().getSourceId());

        String closed = TicketMapperTest.TICKET.replace("\"created\"", "\"closed\"");
        assertEquals(TicketOutcome.Status.QUEUED, receive(closed).status(), "a new event of the same ticket");
        assertEquals(2, delivered.size());
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
        assertEquals(List.of(), delivered);
        assertEquals(TicketOutcome.Status.REJECTED, receive(invalid).status(), "answered the same way when sent again");
    }

    @Test
    void aTicketHoldingAValueTheDatabaseCannotStoreIsRejectedAndQuarantinedNotQueued() {
        // both pass the body's checks; decoded, PostgreSQL refuses the NUL and the column the long name
        TicketOutcome nul = receive(TicketMapperTest.TICKET.replace("电梯故障", "电梯\\u0000故障"));
        TicketOutcome longName = receive(TicketMapperTest.TICKET.replace("陈先生", "陈".repeat(2001)));

        assertEquals(TicketOutcome.Status.REJECTED, nul.status());
        assertTrue(nul.reason().endsWith("holds the control character U+0000 at character 3"), nul.reason());
        assertEquals(new TicketOutcome(TicketOutcome.Status.REJECTED, "name has 2001 characters, more than the 2000 the hub stores"),
                longName);
        assertEquals(2, quarantined.size());
        assertEquals(List.of(), delivered);
        assertEquals(TicketOutcome.Status.QUEUED, receive(TicketMapperTest.TICKET).status(), "the good one after them");
    }

    @Test
    void hostileBodiesAreRejectedOneByOneAndTheGoodOnesBetweenThemQueued() throws Exception {
        String second = TicketMapperTest.TICKET.replace("T20260301-0001", "T20260301-0002");
        List<byte[]> bodies = List.of(
                TicketMapperTest.TICKET.getBytes(StandardCharsets.UTF_8),
                "[".repeat(100_000).getBytes(StandardCharsets.UTF_8),
                TicketMapperTest.TICKET.substring(0, 40).getBytes(StandardCharsets.UTF_8),
                TicketMapperTest.TICKET.replace("\"phone\"", "\"channel\":\"fax\",\"phone\"").replace("\"channel\":\"phone\",", "")
                        .getBytes(StandardCharsets.UTF_8),
                // GBK bytes where UTF-8 is expected: the caller's name arrives as mojibake
                second.replace("created", "closed").getBytes(Charset.forName("GBK")),
                new byte[]{0, (byte) 0xff, (byte) 0xfe, 0x1b},
                second.getBytes(StandardCharsets.UTF_8));
        NotifyBuilder all = new NotifyBuilder(context).fromRoute(TicketWebhookRoute.ROUTE_ID).whenDone(bodies.size()).create();

        List<TicketOutcome.Status> outcomes = bodies.stream().map(body -> template.requestBody(TicketWebhookRoute.ENDPOINT, body,
                TicketOutcome.class).status()).toList();

        assertTrue(all.matches(5, TimeUnit.SECONDS));
        assertEquals(TicketOutcome.Status.QUEUED, outcomes.get(0));
        assertEquals(TicketOutcome.Status.QUEUED, outcomes.get(6), "the route goes on after bad bodies");
        assertEquals(List.of("T20260301-0001", "T20260301-0002"), deliveredSourceIds().stream().distinct().toList());
        long rejected = outcomes.stream().filter(TicketOutcome.Status.REJECTED::equals).count();
        assertEquals(bodies.size() - rejected, mapped.getReceivedCounter(), "a rejected body stops the route");
        assertEquals(rejected, quarantined.size(), "each rejected body quarantined once");
        assertTrue(rejected >= 4, "malformed, deeply nested, truncated, unknown channel, random bytes: " + outcomes);
        for (RejectedInput input : quarantined) {
            assertEquals(InputFormat.SERVICE_TICKET_JSON, input.format());
            assertTrue(!input.reason().isBlank() && !input.reason().contains("陈先生"), input.reason());
        }
    }

    @Test
    void aFailedDeliveryIsNotRetriedHereNorRememberedSoTheCallCentersResendIsQueued() {
        sinkOutages.set(1);
        // the call center is waiting: the failure is its answer (503), and it sends again
        assertThrows(CamelExecutionException.class, () -> receive(TicketMapperTest.TICKET));
        assertEquals(1, deliveryAttempts.get(), "no retry within the request");
        assertEquals(TicketOutcome.Status.QUEUED, receive(TicketMapperTest.TICKET).status());
        assertEquals(1, delivered.size());
    }

    private TicketOutcome receive(String body) {
        return template.requestBody(TicketWebhookRoute.ENDPOINT, body.getBytes(StandardCharsets.UTF_8), TicketOutcome.class);
    }
}
