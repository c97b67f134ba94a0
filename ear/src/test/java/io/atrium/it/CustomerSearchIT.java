package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.JMSContext;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer search over REST, on records fed through the real intake: every key in the spellings
 * people write, best match first with its score, paging, and a 400 with its reason for a search the
 * hub cannot run.
 */
class CustomerSearchIT extends DirectoryHub {


    @Test
    void everyKeyFindsTheCustomerInEverySpelling() {
        String id = feed(data.person("P-1"), data.phone);
        String phone = data.phone;

        for (String spelling : List.of(phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7),
                "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7), fullWidth(phone))) {
            assertOnly(id, "phone=" + encoded(spelling));
        }
        for (String spelling : List.of(data.idNumber, data.idNumber.toLowerCase(), fullWidth(data.idNumber.toLowerCase()),
                data.idNumber15(), data.idNumber.substring(0, 6) + " " + data.idNumber.substring(6))) {
            assertOnly(id, "idNumber=" + encoded(spelling));
        }
        assertOnly(id, "email=" + encoded(" " + data.email.toUpperCase() + " "));

        String born = "&birthDate=" + data.birthDate;
        for (String name : List.of(data.simplifiedName, data.traditionalName, "ouyang " + data.pinyinGivenName,
                data.pinyinGivenName + " ouyang", "OUYANG " + data.pinyinGivenName.toUpperCase())) {
            assertOnly(id, "name=" + encoded(name) + born);
        }
        assertOnly(id, "name=" + encoded(data.traditionalName) + born + "&gender=" + encoded("男"));
        assertEquals(0, search("name=" + encoded(data.traditionalName) + born + "&gender=F").get("total").asInt(),
                "narrowed by gender");
        assertEquals(0, search("name=" + encoded(data.simplifiedName) + "&birthDate=" + data.birthDate.plusDays(1)).get("total").asInt(),
                "narrowed by birth date");
        assertTrue(ids(search("name=" + encoded(data.traditionalName) + "&size=100")).contains(id), "without birth date");

        JsonNode summary = onlyCustomer(search("phone=" + phone));
        assertEquals(data.idNumber, summary.get("idNumber").asText(), "a summary of the key fields");
        assertFalse(summary.has("timeline") || summary.has("golden"), "the whole view is GET /customers/{id}: " + summary);

        JsonNode bySource = search("source=" + data.source + "&sourceId=P-1");
        assertEquals(id, onlyCustomer(bySource).get("id").asText());
        assertFalse(bySource.get("matches").get(0).hasNonNull("score"), "a record key names its record: no score");
    }

    @Test
    void latinNamesAreFoundInEitherOrder() {
        ObjectNode latin = TestData.canonicalPerson(data.source, "L-1", "Harriet Quinlan", TestData.mobile(data.run + "latin"))
                .put("birthDate", data.birthDate.toString());
        String id = feed(latin, TestData.mobile(data.run + "latin"));
        for (String name : List.of("Quinlan Harriet", "HARRIET QUINLAN", "quinlan, harriet")) {
            assertOnly(id, "name=" + encoded(name) + "&birthDate=" + data.birthDate);
        }
    }

    @Test
    void memberNumbersFindTheMembersCustomer() throws Exception {
        String memberNo = "M" + String.format("%08d", Math.floorMod(TestData.mixed(data.run + "member"), 100_000_000L));
        String phone = TestData.mobile(data.run + "member");
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(MembershipQueueIT.BROKER, "membership", "membership-pass1!");
             JMSContext jms = factory.createContext()) {
            jms.createProducer().send(jms.createQueue(MembershipQueueIT.QUEUE), MembershipQueueIT.event(UUID.randomUUID().toString(),
                    "REGISTERED", "2026-03-01T10:00:00+08:00", memberNo, phone, "SILVER", ""));
        }
        String id = hub.awaitCustomerWithPhone(phone, 1).get("id").asText();
        assertOnly(id, "memberNo=" + memberNo);
        assertOnly(id, "memberNo=" + encoded(" " + memberNo.toLowerCase() + " "));
        assertEquals(0, search("memberNo=M" + data.run).get("total").asInt());
    }

    @Test
    void theBestMatchComesFirstWithItsScoreAndPagesFollowIt() {
        String exact = feed(data.person("P-1"), data.phone);
        String otherPhone = TestData.mobile(data.run + "homophone");
        // read the same in pinyin, born on another day: never the same person, found by the name's pinyin
        ObjectNode homophone = TestData.canonicalPerson(data.source, "H-1", data.homophoneName, otherPhone)
                .put("birthDate", data.birthDate.plusYears(1).toString());
        String similar = feed(homophone, otherPhone);

        JsonNode found = search("name=" + encoded(data.simplifiedName) + "&size=100");
        List<String> ids = ids(found);
        assertTrue(ids.indexOf(exact) >= 0 && ids.indexOf(exact) < ids.indexOf(similar), "the same characters first: " + ids);
        double exactScore = found.get("matches").get(ids.indexOf(exact)).get("score").asDouble();
        double similarScore = found.get("matches").get(ids.indexOf(similar)).get("score").asDouble();
        assertTrue(exactScore > similarScore, exactScore + " against " + similarScore);
        JsonNode scores = found.get("matches");
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1).get("score").asDouble() >= scores.get(i).get("score").asDouble(), "best first");
        }

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < ids.size(); page++) {
            JsonNode one = search("name=" + encoded(data.simplifiedName) + "&size=1&page=" + page);
            assertEquals(ids.size(), one.get("total").asInt());
            paged.addAll(ids(one));
        }
        assertEquals(ids, paged, "pages of one follow the order of a page of all");
        assertEquals(0, search("name=" + encoded(data.simplifiedName) + "&size=1&page=" + ids.size()).get("matches").size());
    }

    @Test
    void searchesTheHubCannotRunAreRefusedWithTheirReason() {
        assertRefused("", "give a search parameter: phone, idNumber, email, memberNo, name, or source and sourceId");
        assertRefused("phone=13800138000&email=a%40example.com", "give one search parameter, not phone and email");
        assertRefused("phone=12ab", "phone is not a phone number");
        assertRefused("idNumber=4-4", "idNumber is not an ID number");
        assertRefused("email=nobody", "email is not an e-mail address");
        assertRefused("phone=", "phone is empty");
        assertRefused("name=" + encoded("张伟") + "&birthDate=1984-13-01", "birthDate must be a date like 1984-05-06");
        assertRefused("name=" + encoded("张伟") + "&gender=X", "gender is not M or F");
        assertRefused("birthDate=1984-05-06", "birthDate and gender narrow a name search: give name with them");
        assertRefused("source=sales", "give source and sourceId together");
        assertRefused("phone=13800138000&size=101", "size must be between 1 and 100");
        assertRefused("phone=13800138000&page=-1", "page must be 0 or more");
        assertRefused("phone=13800138000&page=first", "page must be a whole number");
    }

    private void assertOnly(String customerId, String query) {
        assertEquals(customerId, onlyCustomer(search(query)).get("id").asText(), query);
    }

    private static JsonNode onlyCustomer(JsonNode page) {
        assertEquals(1, page.get("total").asInt(), page.toString());
        assertTrue(page.get("complete").asBoolean());
        return page.get("matches").get(0).get("customer");
    }

    private JsonNode search(String query) {
        HubClient.Response response = hub.get("customers?" + query, HubClient.APP);
        assertEquals(200, response.status(), query + ": " + response.body());
        return response.json();
    }

    private void assertRefused(String query, String reason) {
        HubClient.Response response = hub.get("customers?" + query, HubClient.VIEWER);
        assertEquals(400, response.status(), query + ": " + response.body());
        assertEquals(reason, response.json().get("error").asText(), query);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("matches").forEach(match -> ids.add(match.get("customer").get("id").asText()));
        return ids;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c == ' ' ? '\u3000' : (char) (c + 0xFEE0)));
        return wide.toString();
    }
}
