package io.atrium.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.client.CustomerDirectory;
import io.atrium.client.CustomerQuery;
import io.atrium.client.CustomerSearchPage;
import io.atrium.client.CustomerStatus;
import io.atrium.client.CustomerView;
import io.atrium.client.InvalidQueryException;
import jakarta.ejb.EJBAccessException;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer directory as a downstream Java application calls it: from outside the server, over
 * {@code remote+http} on the HTTP port, with the client jar and WildFly's EJB client only. A
 * {@code hub-app} user gets the view whole (and the read is audited as EJB), a viewer masked, a user
 * without a hub role and an anonymous caller nothing.
 */
class RemoteDirectoryIT extends DirectoryHub {

    static final String JNDI_NAME = "ejb:atrium/atrium-ejb//CustomerDirectoryBean!" + CustomerDirectory.class.getName();


    @Test
    void anApplicationLooksCustomersUpRemotely() throws Exception {
        String id = feed(data.person("P-1"), data.phone);

        Context context = remoteContext("app", "app-pass1!");
        try {
            CustomerDirectory directory = (CustomerDirectory) context.lookup(JNDI_NAME);
            CustomerView customer = directory.find(id);
            assertEquals(CustomerStatus.ACTIVE, customer.status());
            assertEquals(data.simplifiedName, customer.golden().get("name").value());
            assertEquals(data.idNumber, customer.golden().get("idNumber").value());
            assertEquals(List.of(new CustomerView.SourceRecordRef(data.source, "P-1", customer.sourceRecords().get(0).updatedAt())),
                    customer.sourceRecords());

            CustomerSearchPage found = directory.search(CustomerQuery.byIdNumber(data.idNumber15()), 0, 10);
            assertEquals(1, found.total());
            assertEquals(id, found.matches().get(0).customer().id());
            assertEquals(data.simplifiedName, found.matches().get(0).customer().name(), "a summary, whole for hub-app");
            assertEquals(data.idNumber, found.matches().get(0).customer().idNumber());
            assertTrue(found.matches().get(0).score() > 0);
            assertEquals(id, directory.search(CustomerQuery.byName(data.traditionalName, data.birthDate, null), 0, 10)
                    .matches().get(0).customer().id());
            assertNull(directory.find("C-none"));
            InvalidQueryException refused = assertThrows(InvalidQueryException.class,
                    () -> directory.search(CustomerQuery.byPhone("12ab"), 0, 10));
            assertEquals("phone is not a phone number", refused.getMessage());
        } finally {
            context.close();
        }

        List<String> channels = new ArrayList<>();
        hub.get("audit/reads?size=500", HubClient.ADMIN).json().get("reads").forEach(read -> {
            if (id.equals(read.get("customerId").asText()) && "app".equals(read.get("reader").asText())) {
                channels.add(read.get("channel").asText());
            }
        });
        assertTrue(channels.contains("EJB") && channels.contains("REST"), "remote and REST reads audited apart: " + channels);
    }

    @Test
    void viewersSeeMaskedValuesAndOthersNothing() throws Exception {
        String id = feed(data.person("P-1"), data.phone);

        Context viewer = remoteContext("viewer", "viewer-pass1!");
        try {
            CustomerView customer = ((CustomerDirectory) viewer.lookup(JNDI_NAME)).find(id);
            assertEquals("欧阳**", customer.golden().get("name").value());
            assertEquals(data.idNumber.substring(0, 4) + "**********" + data.idNumber.substring(14),
                    customer.golden().get("idNumber").value());
        } finally {
            viewer.close();
        }

        Context membership = remoteContext("membership", "membership-pass1!");
        try {
            CustomerDirectory directory = (CustomerDirectory) membership.lookup(JNDI_NAME);
            assertThrows(EJBAccessException.class, () -> directory.find(id), "a user without a hub role");
        } finally {
            membership.close();
        }

        Context anonymous = remoteContext(null, null);
        try {
            assertThrows(Exception.class, () -> ((CustomerDirectory) anonymous.lookup(JNDI_NAME)).find(id),
                    "an anonymous caller");
        } finally {
            anonymous.close();
        }
    }

    @Test
    void aMergedAwayIdAnswersWithItsSurvivor() throws Exception {
        String phoneA = TestData.mobile(data.run + "a");
        String phoneB = TestData.mobile(data.run + "b");
        String email = data.run + "@example.com";
        post(TestData.canonicalPerson(data.source, "A", data.simplifiedName, phoneA));
        ObjectNode b = TestData.canonicalPerson(data.source, "B", data.simplifiedName, phoneB).put("birthDate", "1984-05-06");
        b.putArray("emails").add(email);
        post(b);
        String customerA = hub.awaitCustomerWithPhone(phoneA, 1).get("id").asText();
        String customerB = hub.awaitCustomerWithPhone(phoneB, 1).get("id").asText();
        // the phone of A, the birth date and e-mail of B: one customer now
        ObjectNode bridge = TestData.canonicalPerson(data.source, "C", data.simplifiedName, phoneA).put("birthDate", "1984-05-06");
        bridge.putArray("emails").add(email);
        post(bridge);
        String survivor = hub.awaitCustomerWithPhone(phoneA, 3).get("id").asText();
        String absorbed = survivor.equals(customerA) ? customerB : customerA;

        Context context = remoteContext("app", "app-pass1!");
        try {
            CustomerDirectory directory = (CustomerDirectory) context.lookup(JNDI_NAME);
            CustomerView gone = directory.find(absorbed);
            assertEquals(CustomerStatus.MERGED, gone.status());
            assertEquals(survivor, gone.mergedInto());
            assertEquals(List.of(survivor), directory.search(CustomerQuery.byPhone(phoneB), 0, 10).matches().stream()
                    .map(match -> match.customer().id()).toList(), "its records are found in the survivor");
            assertEquals(List.of(survivor), directory.search(CustomerQuery.bySourceRecord(data.source, "B"), 0, 10).matches().stream()
                    .map(match -> match.customer().id()).toList());
        } finally {
            context.close();
        }
    }
}
