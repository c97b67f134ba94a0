package io.atrium.simulators.membership;

import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Script;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishes to a real, embedded Artemis broker over TCP and reads the queue back. */
class MembershipPublisherTest {

    private static final String NAMESPACE = "urn:membership:event:1";
    private static EmbeddedActiveMQ broker;
    private static String url;

    @BeforeAll
    static void startBroker() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = "tcp://127.0.0.1:" + port;
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.addAcceptorConfiguration("tcp", url);
        configuration.addQueueConfiguration(QueueConfiguration.of(MembershipPublisher.DEFAULT_QUEUE).setRoutingType(RoutingType.ANYCAST));
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    private record Received(String eventId, String memberNo, String type, OffsetDateTime occurredAt, Element root) {
    }

    @Test
    void eventsArriveAsNamespacedXmlWithDuplicatesAndOutOfOrder() throws Exception {
        Population population = Script.CHINESE.generate(5, 2000);
        MembershipPublisher.Settings settings = new MembershipPublisher.Settings(url, "membership", "membership-pass1!",
                MembershipPublisher.DEFAULT_QUEUE, 0.1, 0.1);
        long sent;
        try (MembershipPublisher publisher = new MembershipPublisher(settings, population, 1)) {
            publisher.publish(400);
            sent = publisher.sent();
            assertTrue(publisher.duplicates() > 0 && publisher.reordered() > 0);
        }
        List<Received> received = receiveAll();
        assertEquals(sent, received.size());

        Set<String> eventIds = new HashSet<>();
        long duplicates = received.stream().filter(event -> !eventIds.add(event.eventId())).count();
        assertTrue(duplicates > 0, "the same eventId arrives again");

        Map<String, OffsetDateTime> latest = new HashMap<>();
        long outOfOrder = 0;
        Set<String> seen = new HashSet<>();
        for (Received event : received) {
            if (!seen.add(event.eventId())) {
                continue;
            }
            OffsetDateTime before = latest.get(event.memberNo());
            if (before != null && event.occurredAt().isBefore(before)) {
                outOfOrder++;
            } else {
                latest.put(event.memberNo(), event.occurredAt());
            }
        }
        assertTrue(outOfOrder > 0, "an older event of a member arrives after a newer one");

        for (Received event : received) {
            boolean points = event.type().startsWith("POINTS_");
            assertEquals(points ? 1 : 0, event.root().getElementsByTagNameNS(NAMESPACE, "points").getLength());
            assertTrue(Set.of("SILVER", "GOLD", "PLATINUM").contains(text(event.root(), "tier")));
            assertTrue(event.root().getElementsByTagNameNS(NAMESPACE, "email").getLength() == 1);
        }
        assertTrue(received.stream().anyMatch(event -> event.type().equals("REGISTERED")));
    }

    @Test
    void eachMembersEventsHaveDistinctTimesEvenWhenManyAreSentWithinOneSecond() throws Exception {
        Population population = Script.CHINESE.generate(5, 2000);
        MembershipPublisher.Settings settings = new MembershipPublisher.Settings(url, "membership", "membership-pass1!",
                MembershipPublisher.DEFAULT_QUEUE, 0.1, 0.1);
        try (MembershipPublisher publisher = new MembershipPublisher(settings, population, 3)) {
            publisher.publish(2000);
        }
        // occurredAt is the version the hub keeps a member's latest record by: two events of one member at the same
        // time would leave it to the order they arrive in
        Map<String, Set<OffsetDateTime>> timesByMember = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        long events = 0;
        for (Received event : receiveAll()) {
            if (eventIds.add(event.eventId())) {
                events++;
                assertTrue(timesByMember.computeIfAbsent(event.memberNo(), member -> new HashSet<>()).add(event.occurredAt()),
                        "member " + event.memberNo() + " has two events at " + event.occurredAt());
            }
        }
        assertTrue(events > timesByMember.size() + 200, "members with several events: " + events + " events, "
                + timesByMember.size() + " members");
    }

    @Test
    void ledgerHasExactlyTheEventsOnTheQueueAsTheHubKeysThem() throws Exception {
        Population population = Script.CHINESE.generate(5, 2000);
        MembershipPublisher.Settings settings = new MembershipPublisher.Settings(url, "membership", "membership-pass1!",
                MembershipPublisher.DEFAULT_QUEUE, 0.1, 0.2);
        List<String> ledger = new CopyOnWriteArrayList<>();
        try (MembershipPublisher publisher = new MembershipPublisher(settings, population, 2,
                (source, kind, type, id) -> ledger.add(kind + " " + type + " " + id))) {
            for (int i = 0; i < 200; i++) {
                publisher.step();
            }
        }
        Set<String> expected = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        long sentAgain = 0;
        for (Received event : receiveAll()) {
            expected.add("RECORD null " + event.memberNo());
            expected.add("FACT MEMBERSHIP " + event.memberNo());
            if (event.type().startsWith("POINTS_")) {
                expected.add("FACT POINTS " + event.eventId());
            }
            if (!eventIds.add(event.eventId())) {
                sentAgain++;
                expected.add("DUPLICATE record " + event.memberNo());
            }
        }
        assertEquals(expected, new HashSet<>(ledger));
        assertTrue(sentAgain > 5, "events sent again: " + sentAgain);
        assertEquals(sentAgain, ledger.stream().filter(line -> line.startsWith("DUPLICATE ")).count(),
                "each event sent again is in the ledger as a duplicate, once");
    }

    private static List<Received> receiveAll() throws Exception {
        List<Received> received = new ArrayList<>();
        DocumentBuilderFactory documents = DocumentBuilderFactory.newInstance();
        documents.setNamespaceAware(true);
        try (Connection connection = new ActiveMQConnectionFactory(url).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(MembershipPublisher.DEFAULT_QUEUE));
            TextMessage message;
            while ((message = (TextMessage) consumer.receive(2000)) != null) {
                Document document = documents.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(message.getText().getBytes(StandardCharsets.UTF_8)));
                Element root = document.getDocumentElement();
                assertEquals(NAMESPACE, root.getNamespaceURI());
                assertEquals("memberEvent", root.getLocalName());
                received.add(new Received(text(root, "eventId"), text(root, "memberNo"), text(root, "type"),
                        OffsetDateTime.parse(text(root, "occurredAt")), root));
            }
        }
        return received;
    }

    private static String text(Element root, String name) {
        return root.getElementsByTagNameNS(NAMESPACE, name).item(0).getTextContent();
    }
}
