package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data by role over REST: viewers and operators see it masked, by id and in search results;
 * downstream applications and administrators whole, and each of their reads is in the audit that
 * administrators list.
 */
class PersonalDataByRoleIT extends DirectoryHub {


    @Test
    void viewersAndOperatorsSeeMaskedValuesAppsAndAdminsWholeAndAudited() {
        String id = feed(data.person("P-1"), data.phone);
        String phone = data.phone;
        String maskedPhone = "+86 " + phone.substring(0, 3) + "****" + phone.substring(7);
        String maskedId = data.idNumber.substring(0, 4) + "**********" + data.idNumber.substring(14);

        for (String masked : List.of(HubClient.VIEWER, HubClient.OPERATOR)) {
            JsonNode customer = byId(id, masked);
            JsonNode golden = customer.get("golden");
            assertEquals("欧阳**", golden.get("name").get("value").asText(), masked);
            assertEquals(maskedId, golden.get("idNumber").get("value").asText(), masked);
            assertEquals(maskedPhone, customer.get("phones").get(0).get("value").asText(), masked);
            assertEquals("o***@example.com", customer.get("emails").get(0).get("value").asText(), masked);
            assertEquals(data.birthDate.getYear() + "-**-**", golden.get("birthDate").get("value").asText(), masked);
            assertEquals(data.source, golden.get("name").get("source").asText(), "lineage is no personal data");

            JsonNode found = bySearch(masked);
            assertEquals(id, found.get("id").asText());
            assertEquals("欧阳**", found.get("name").asText(), masked);
            assertEquals(maskedId, found.get("idNumber").asText(), masked);
            assertEquals(maskedPhone, found.get("phone").asText(), masked);
            assertEquals("o***@example.com", found.get("email").asText(), masked);
            assertEquals(data.birthDate.getYear() + "-**-**", found.get("birthDate").asText(), masked);
        }
        for (String whole : List.of(HubClient.APP, HubClient.ADMIN)) {
            JsonNode customer = byId(id, whole);
            assertEquals(data.simplifiedName, customer.get("golden").get("name").get("value").asText(), whole);
            assertEquals(data.idNumber, customer.get("golden").get("idNumber").get("value").asText(), whole);
            assertEquals("+86" + phone, customer.get("phones").get(0).get("value").asText(), whole);

            JsonNode found = bySearch(whole);
            assertEquals(data.simplifiedName, found.get("name").asText(), whole);
            assertEquals(data.idNumber, found.get("idNumber").asText(), whole);
            assertEquals("+86" + phone, found.get("phone").asText(), whole);
            assertEquals(data.birthDate.toString(), found.get("birthDate").asText(), whole);
        }

        List<JsonNode> reads = readsOf(id);
        List<String> readers = reads.stream().map(r -> r.get("reader").asText()).distinct().sorted().toList();
        assertEquals(List.of("admin", "app"), readers, "only unmasked reads are audited");
        assertTrue(reads.stream().allMatch(r -> "REST".equals(r.get("channel").asText()) && r.hasNonNull("readAt")));
        assertTrue(reads.stream().filter(r -> "admin".equals(r.get("reader").asText())).count() >= 2, "by id and by search");
    }

    /**
     * A search reads outside a transaction and audits its page in one of its own: exactly one row per customer on
     * the page, committed before the answer, and none for a masked or a refused search.
     */
    @Test
    void aSearchIsAuditedOncePerCustomerOnItsPageBeforeItAnswers() {
        String id = feed(data.person("P-2"), data.phone);
        int before = readsOf(id).size();
        bySearch(HubClient.VIEWER);
        bySearch(HubClient.OPERATOR);
        assertEquals(400, hub.get("customers?phone=" + data.phone + "&size=0", HubClient.APP).status());
        assertEquals(before, readsOf(id).size(), "masked and refused searches are not audited");
        bySearch(HubClient.APP);
        List<JsonNode> after = readsOf(id);
        assertEquals(before + 1, after.size(), "the answered search's read is in the audit when it answers");
        assertEquals("app", after.get(0).get("reader").asText());
        assertEquals("REST", after.get(0).get("channel").asText());
    }

    @Test
    void theAuditIsPagedAndForAdministratorsOnly() {
        assertEquals(403, hub.get("audit/reads", HubClient.APP).status());
        assertEquals(403, hub.get("audit/reads", HubClient.OPERATOR).status());
        JsonNode first = hub.get("audit/reads?size=1", HubClient.ADMIN).json();
        assertEquals(1, first.get("size").asInt());
        assertTrue(first.get("reads").size() <= 1);
        HubClient.Response tooLarge = hub.get("audit/reads?size=501", HubClient.ADMIN);
        assertEquals(400, tooLarge.status());
        assertEquals("size must be between 1 and 500", tooLarge.json().get("error").asText());
    }

    private JsonNode byId(String id, String credentials) {
        HubClient.Response response = hub.get("customers/" + id, credentials);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** The customer's summary in the search's answer. */
    private JsonNode bySearch(String credentials) {
        HubClient.Response response = hub.get("customers?phone=" + data.phone, credentials);
        assertEquals(200, response.status(), response.body());
        return response.json().get("matches").get(0).get("customer");
    }

    /** The audited reads of this customer among the newest 500. */
    private List<JsonNode> readsOf(String customerId) {
        List<JsonNode> reads = new ArrayList<>();
        hub.get("audit/reads?size=500", HubClient.ADMIN).json().get("reads").forEach(read -> {
            if (customerId.equals(read.get("customerId").asText())) {
                reads.add(read);
            }
        });
        return reads;
    }
}
