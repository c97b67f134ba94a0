package io.atrium.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub's broker as remote clients see it (config/cli/configure-atrium.cli): the membership
 * account may send its events and nothing else; downstream applications may subscribe to the
 * change events; the hub's own queues are closed to both.
 */
class BrokerSecurityIT extends DeployedHub {

    private static final String RECORDS = "jms.queue.AtriumRecords";
    private static final String DEAD_LETTERS = "jms.queue.AtriumDLQ";
    private static final String EVENTS = "jms.topic.AtriumCustomerEvents";
    private static final long EVENT_WITHIN_MILLIS = 30_000;

    @Test
    void membershipMaySendItsEventsAndNothingElse() throws JMSException {
        String run = TestData.runId();
        String member = "M" + run;
        try (ActiveMQConnectionFactory factory = broker("membership", "membership-pass1!");
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(MembershipQueueIT.QUEUE)).send(session.createTextMessage(
                    MembershipQueueIT.event(UUID.randomUUID().toString(), "REGISTERED", "2026-03-01T10:00:00+08:00",
                            member, TestData.mobile(run), "SILVER", "")));

            assertRefused(() -> session.createConsumer(session.createQueue(RECORDS)));
            assertRefused(() -> session.createProducer(session.createQueue(RECORDS)).send(session.createTextMessage("{}")));
            assertRefused(() -> session.createConsumer(session.createQueue(DEAD_LETTERS)));
            assertRefused(() -> session.createConsumer(session.createQueue(MembershipQueueIT.QUEUE)));
            assertRefused(() -> session.createConsumer(session.createTopic(EVENTS)));
        }
        hub().awaitCustomerWithPhone(TestData.mobile(run), 1);
    }

    @Test
    void applicationsSubscribeToChangeEventsAndReachNoQueue() throws JMSException {
        String run = TestData.runId();
        String subscription = "it-" + run;
        try (ActiveMQConnectionFactory factory = broker("app", "app-pass1!");
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic events = session.createTopic(EVENTS);
            MessageConsumer live = session.createConsumer(events);
            MessageConsumer durable = session.createSharedDurableConsumer(events, subscription);
            connection.start();

            assertRefused(() -> session.createConsumer(session.createQueue(RECORDS)));
            assertRefused(() -> session.createProducer(session.createQueue(RECORDS)).send(session.createTextMessage("{}")));
            assertRefused(() -> session.createProducer(events).send(session.createTextMessage("{}")));

            HubClient.Response posted = hub().postRecords(HubClient.APP,
                    TestData.canonicalPerson("it-broker", "B-" + run, "张伟", TestData.mobile(run)).toString());
            assertEquals(202, posted.status(), posted.body());
            assertTrue(receivedEventFor("B-" + run, live), "a non-durable subscriber gets the event");
            assertTrue(receivedEventFor("B-" + run, durable), "a durable subscriber gets the event");

            durable.close();
            session.unsubscribe(subscription);
        }
    }

    private static ActiveMQConnectionFactory broker(String user, String password) {
        return new ActiveMQConnectionFactory(MembershipQueueIT.BROKER, user, password);
    }

    /** Reads the subscription until the change event of this record arrives; other tests' events pass by. */
    private static boolean receivedEventFor(String sourceId, MessageConsumer consumer) throws JMSException {
        long deadline = System.currentTimeMillis() + EVENT_WITHIN_MILLIS;
        for (long left = EVENT_WITHIN_MILLIS; left > 0; left = deadline - System.currentTimeMillis()) {
            Message message = consumer.receive(left);
            if (message instanceof TextMessage text && text.getText().contains("\"sourceId\":\"" + sourceId + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static void assertRefused(Executable operation) {
        assertThrows(JMSSecurityException.class, operation);
    }
}
