package io.atrium.connectors.membership;

import io.atrium.connectors.common.ConnectorRouteTestSupport;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.RejectedInput;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The membership route against a real broker in the test's JVM. The route's timer is replaced by a
 * direct endpoint, so that each drain runs when the test says.
 */
class MembershipQueueRouteTest extends ConnectorRouteTestSupport {

    private static final String DRAIN = "direct:membership-drain";
    private static EmbeddedActiveMQ broker;
    private static ActiveMQConnectionFactory connectionFactory;
    private final String queueName = "hub.in.membership." + System.nanoTime();

    @BeforeAll
    static void startBroker() throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.addAcceptorConfiguration("in-vm", "vm://0");
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        connectionFactory = new ActiveMQConnectionFactory("vm://0");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        connectionFactory.close();
        broker.stop();
    }

    private void start() throws Exception {
        start(new MembershipQueueRoute(sink, quarantine, connectionFactory),
                Map.of("atrium.membership.queue", queueName, "atrium.membership.batch-size", "2",
                        "atrium.membership.poll-period", "60000"),
                MembershipQueueRoute.ROUTE_ID, route -> route.replaceFromWith(DRAIN));
    }

    static String event(String eventId, String memberNo) {
        return """
                <memberEvent xmlns="urn:membership:event:1">
                  <eventId>%s</eventId><type>UPDATED</type><occurredAt>2026-03-01T10:15:30+08:00</occurredAt>
                  <member><memberNo>%s</memberNo><name>张伟</name><mobile>+86 138 0013 8000</mobile></member>
                </memberEvent>""".formatted(eventId, memberNo);
    }

    @Test
    void goodEventsAreQueuedOnceAndBadOnesQuarantinedWithTheirMessageIdAndReasonAcrossBatches() throws Exception {
        start();
        send(event("e1", "M1"), "<memberEvent xmlns=\"urn:membership:event:1\"><eventId>e2",
                "<!DOCTYPE memberEvent [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + event("e3", "M3").replace("张伟", "&x;"),
                null, event("e5", "M5").replace("UPDATED", "DELETED"),
                // values the database cannot hold, though the XML is well-formed: too long, and a control character XML 1.1 allows
                event("e7", "M7").replace("张伟", "张".repeat(2001)),
                "<?xml version=\"1.1\"?>" + event("e8", "M8").replace("张伟", "张&#1;伟"), event("e6", "M6"));

        template.sendBody(DRAIN, null);

        assertEquals(List.of("M1", "M6"), deliveredSourceIds());
        assertEquals(6, quarantined.size());
        assertEquals(6, quarantinedPositions().stream().distinct().count(), "each by its own message id");
        for (RejectedInput rejected : quarantined) {
            assertEquals(InputFormat.MEMBERSHIP_XML, rejected.format());
            assertTrue(rejected.position().startsWith("message ID:"), rejected.position());
            assertTrue(!rejected.reason().isBlank() && !rejected.reason().contains("张伟") && !rejected.reason().contains("root:"),
                    rejected.reason());
        }
        assertEquals("not a text message", quarantined.get(2).reason());
        assertEquals("name has 2001 characters, more than the 2000 the hub stores", quarantined.get(4).reason());
        assertEquals("name holds the control character U+0001 at character 2", quarantined.get(5).reason());

        template.sendBody(DRAIN, null);
        assertEquals(2, delivered.size(), "the queue was acknowledged: nothing comes twice");
        assertEquals(List.of(), reportedFailures);
    }

    @Test
    void aFailedDeliveryRollsTheBatchBackAndTheRetryTakesItOnceAndAFailureThatLastsIsReported() throws Exception {
        sinkOutages.set(1);
        start();
        send(event("e1", "M1"), "broken");
        template.sendBody(DRAIN, null);
        assertEquals(2, deliveryAttempts.get(), "delivered on the error handler's retry, from the redelivered batch");
        assertEquals(List.of("M1"), deliveredSourceIds());
        assertEquals(1, quarantined.size(), "the rolled-back attempt quarantined nothing");

        sinkOutages.set(Integer.MAX_VALUE);
        send(event("e2", "M2"));
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute(MembershipQueueRoute.ROUTE_ID).whenFailed(1).create();
        assertThrows(CamelExecutionException.class, () -> template.sendBody(DRAIN, null));
        assertTrue(failed.matches(5, TimeUnit.SECONDS));
        assertTrue(reportedFailures.get(0).startsWith("membership: IllegalStateException: resolver queue unavailable"),
                reportedFailures.get(0));

        sinkOutages.set(0);
        template.sendBody(DRAIN, null);
        assertEquals(List.of("M1", "M2"), deliveredSourceIds(), "the event of the failed drain stayed on the queue");
    }

    /** Text messages, and a bytes message for each null. */
    private void send(String... bodies) {
        try (JMSContext jms = connectionFactory.createContext()) {
            Queue queue = jms.createQueue(queueName);
            for (String body : bodies) {
                if (body == null) {
                    jms.createProducer().send(queue, "张伟".getBytes(StandardCharsets.UTF_8));
                } else {
                    jms.createProducer().send(queue, body);
                }
            }
        }
    }
}
