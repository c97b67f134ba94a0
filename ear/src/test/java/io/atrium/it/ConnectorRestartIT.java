package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.JMSContext;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hub stopped (undeployed) and started again while the source systems go on: what the
 * sales database, the leasing directory, the property API and the membership queue received meanwhile
 * arrives after the restart, and what arrived before is not read again. "Not again" is
 * measured by the connector activity counters, which start from zero with the hub.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConnectorRestartIT {

    private static final String HUB = "hub";
    private static final Charset GBK = Charset.forName("GBK");

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = HUB, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    @Test
    void whatArrivesWhileTheHubIsDownIsTakenOnceAfterTheRestart() throws Exception {
        HubClient hub = new HubClient(URI.create("http://127.0.0.1:8080/"));
        String run = TestData.runId();
        Path leasingInbox = TestData.serverData().resolve("atrium/inbox/leasing");
        // sales rows and property owners older than the connectors' clock skew (5 s in the tests): each poll
        // reads the last skew again, and after a restart nothing remembers what that window already gave
        LocalDateTime now = TestData.salesNow().minusSeconds(30);
        // but newer than the property watermark earlier test classes left: their owners are dated when they ran,
        // and a class that ran less than 30 s before (ConnectorFailureIT's owner, two classes earlier) made an
        // owner dated 30 s back older than the watermark, never to be taken
        OffsetDateTime propertyTime = OffsetDateTime.now().minusSeconds(8).withNano(0);
        try (PropertyApiStub property = new PropertyApiStub()) {
            property.owners.add(PropertyApiStub.owner("PM-" + run + "-1", TestData.mobile(run + "p1"), propertyTime));
            restartWhileSourcesGoOn(hub, run, leasingInbox, now, property, propertyTime);
        }
    }

    private void restartWhileSourcesGoOn(HubClient hub, String run, Path leasingInbox, LocalDateTime now,
                                         PropertyApiStub property, OffsetDateTime propertyTime) throws Exception {
        deployer.deploy(HUB);
        try (Connection sales = SalesDatabaseSession.open()) {
            SalesPollingIT.customer(sales, "R" + run + "1", "刘洋", TestData.mobile(run + "s1"), "男", now);
            dropLeasingExport(leasingInbox, exportName(now), run + "a", TestData.mobile(run + "l1"));
            hub.awaitCustomerWithPhone(TestData.mobile(run + "s1"), 1);
            hub.awaitCustomerWithPhone(TestData.mobile(run + "l1"), 1);
            hub.awaitCustomerWithPhone(TestData.mobile(run + "p1"), 1);
            await().until(() -> TestData.processed(leasingInbox, exportName(now)));
            deployer.undeploy(HUB);

            SalesPollingIT.customer(sales, "R" + run + "2", "刘洋", TestData.mobile(run + "s2"), "男", now.plusSeconds(1));
            SalesPollingIT.customer(sales, "R" + run + "3", "李娜", TestData.mobile(run + "s3"), "女", now.plusSeconds(1));
            dropLeasingExport(leasingInbox, exportName(now.plusSeconds(1)), run + "b", TestData.mobile(run + "l2"));
            property.owners.add(PropertyApiStub.owner("PM-" + run + "-2", TestData.mobile(run + "p2"), propertyTime.plusSeconds(1)));
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(MembershipQueueIT.BROKER, "membership", "membership-pass1!");
                 JMSContext jms = factory.createContext()) {
                jms.createProducer().send(jms.createQueue(MembershipQueueIT.QUEUE), MembershipQueueIT.event(
                        java.util.UUID.randomUUID().toString(), "REGISTERED", "2026-03-01T10:00:00+08:00", "M" + run,
                        TestData.mobile(run + "m1"), "SILVER", ""));
            }
        }

        deployer.deploy(HUB);
        try {
            hub.awaitCustomerWithPhone(TestData.mobile(run + "s2"), 1);
            hub.awaitCustomerWithPhone(TestData.mobile(run + "s3"), 1);
            hub.awaitCustomerWithPhone(TestData.mobile(run + "l2"), 1);
            hub.awaitCustomerWithPhone(TestData.mobile(run + "m1"), 1);
            hub.awaitCustomerWithPhone(TestData.mobile(run + "p2"), 1);
            JsonNode activity = hub.get("connectors", HubClient.OPERATOR).json().get("sources");
            assertEquals(2, queued(activity, "sales"), "only the rows changed while the hub was down: " + activity);
            assertEquals(1, queued(activity, "leasing"), "only the export written while the hub was down: " + activity);
            assertEquals(1, queued(activity, "property"), "only the owner changed while the hub was down: " + activity);
        } finally {
            deployer.undeploy(HUB);
        }
    }

    private static long queued(JsonNode activity, String source) {
        for (JsonNode item : activity) {
            if (source.equals(item.get("source").asText())) {
                return item.get("queued").asLong();
            }
        }
        return 0;
    }

    private static String exportName(LocalDateTime time) {
        return "tenants_" + time.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".csv";
    }

    private static void dropLeasingExport(Path inbox, String file, String tenant, String phone) throws Exception {
        TestData.drop(inbox, file, LeasingFileIT.HEADER + "\r\n" + "L-" + tenant + ",个人,王芳,," + phone
                + ",身份证,,,LC-" + tenant + ",翠湖花园,1502,2024/3/1,,3000,执行中\r\n", GBK);
        Files.createFile(inbox.resolve(file + ".done"));
    }
}
