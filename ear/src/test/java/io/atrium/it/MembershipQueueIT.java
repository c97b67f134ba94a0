package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Membership events sent to `hub.in.membership` on the hub's own Artemis broker, from
 * outside, as the membership system does: duplicates change nothing, an older event
 * arriving late does not overwrite a newer one, a broken message is quarantined with its
 * message id and the queue goes on.
 */
class MembershipQueueIT extends DeployedHub {

    /** WildFly's HTTP port carries the broker's protocol after an upgrade; the user is in config/cli/add-demo-users.sh. */
    static final String BROKER = "tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";

    /** WildFly's core address of the jms-queue `hub.in.membership`. */
    static final String QUEUE = "jms.queue.hub.in.membership";

    @Test
    void eventsAreAppliedByTheirTimeOnceEachAndBrokenOnesQuarantined() throws JMSException {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run);
        String member = "M" + run;
        String points = UUID.randomUUID().toString();
        String brokenMessageId;
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER, "membership", "membership-pass1!");
             JMSContext jms = factory.createContext()) {
            Queue queue = jms.createQueue(QUEUE);
            JMSProducer producer = jms.createProducer();
            producer.send(queue, event(UUID.randomUUID().toString(), "REGISTERED", "2026-03-01T10:00:00+08:00", member, phone, "SILVER", ""));
            producer.send(queue, event(UUID.randomUUID().toString(), "TIER_CHANGED", "2026-03-03T10:00:00+08:00", member, phone, "GOLD", ""));
            // older than the tier change, delivered after it, and twice
            String earned = event(points, "POINTS_EARNED", "2026-03-02T10:00:00+08:00", member, phone, "SILVER",
                    "<points delta=\"120\" balance=\"3400\" reason=\"物业缴费\"/>");
            producer.send(queue, earned);
            producer.send(queue, earned);
            TextMessage broken = jms.createTextMessage("<memberEvent xmlns=\"urn:membership:event:1\"><eventId>" + run + "</eventId>");
            producer.send(queue, broken);
            brokenMessageId = broken.getJMSMessageID();
        }

        JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> HubClient.facts(c, "POINTS").size() == 1
                && "TIER_CHANGED".equals(HubClient.facts(c, "MEMBERSHIP").get(0).get("data").get("lastEvent").asText()));
        JsonNode membership = HubClient.facts(customer, "MEMBERSHIP").get(0).get("data");
        assertEquals("GOLD", membership.get("tier").asText(), "the newest event decides");
        assertEquals(3400, HubClient.facts(customer, "POINTS").get(0).get("data").get("balance").asInt());
        assertEquals(1, customer.get("sourceRecords").size());
        JsonNode broken = hub.awaitQuarantined("message " + brokenMessageId);
        assertEquals("membership", broken.get("source").asText());
        assertEquals("not well-formed XML, or it declares a DTD", broken.get("reason").asText());
    }

    static String event(String eventId, String type, String occurredAt, String memberNo, String mobile, String tier,
                                String points) {
        return """
                <memberEvent xmlns="urn:membership:event:1">
                  <eventId>%s</eventId><type>%s</type><occurredAt>%s</occurredAt>
                  <member><memberNo>%s</memberNo><name>张伟</name><mobile>+86 %s</mobile><birthday>%s</birthday>
                    <gender>M</gender><email/><tier>%s</tier></member>
                  %s
                </memberEvent>""".formatted(eventId, type, occurredAt, memberNo, mobile, TestData.birthDate(memberNo), tier, points);
    }
}
