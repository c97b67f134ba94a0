package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 360° profile through the real intake: a person who rents through leasing, is a member and called
 * the call center is one customer with the roles and per-system figures those facts give; the timeline
 * reads page by page with filters, and a fact stored between two pages neither repeats nor hides another.
 */
class CustomerProfileIT extends DeployedHub {

    private static final Charset GBK = Charset.forName("GBK");

    private HubClient hub;
    private String run;

    @BeforeEach
    void setUp() {
        hub = hub();
        run = TestData.runId();
    }

    @Test
    void factsFromLeasingMembershipAndTheCallCenterGiveRolesAndASummaryPerSystem() throws Exception {
        String name = TestData.rareName(run);
        String phone = TestData.mobile(run);
        String member = "M" + run;
        Path inbox = TestData.serverData().resolve("atrium/inbox/leasing");
        String file = "tenants_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".csv";
        TestData.drop(inbox, file, LeasingFileIT.HEADER + "\r\n"
                + "L-" + run + ",个人," + name + ",," + phone + ",身份证,,,LC-" + run + "-1,翠湖花园,3栋1502,2024/3/1,2027/3/31,\"12,500.00\",执行中\r\n"
                + "L-" + run + ",个人," + name + ",," + phone + ",身份证,,,LC-" + run + "-0,海岸城,A座2001,2022/3/1,2023/2/28,8000,已到期\r\n"
                // a company renting with the person as its contact, on the person's mobile
                + "L-" + run + "-co,企业,深圳市" + name + "贸易有限公司," + name + "," + phone + ",统一社会信用代码,,,LC-" + run
                + "-2,海岸城,B座801,2025/1/1,2027/12/31,30000,执行中\r\n", GBK);
        Files.createFile(inbox.resolve(file + ".done"));
        sendMemberEvents(name, phone, member,
                memberEvent("REGISTERED", "2026-01-01T10:00:00+08:00", name, phone, member, "SILVER", ""),
                memberEvent("TIER_CHANGED", "2026-01-05T10:00:00+08:00", name, phone, member, "GOLD", ""),
                memberEvent("POINTS_EARNED", "2026-01-03T10:00:00+08:00", name, phone, member, "SILVER",
                        "<points delta=\"500\" balance=\"500\" reason=\"物业缴费\"/>"),
                memberEvent("POINTS_EARNED", "2026-01-04T10:00:00+08:00", name, phone, member, "SILVER",
                        "<points delta=\"2900\" balance=\"3400\" reason=\"消费\"/>"));
        postTicket(hub, "T-" + run + "-1", "repair", name, phone, "2026-01-06T09:00:00+08:00", "2026-01-06T18:00:00+08:00", 4);
        postTicket(hub, "T-" + run + "-2", "repair", name, phone, "2026-01-07T09:00:00+08:00", null, null);

        JsonNode customer = awaitPersonWithPhone(phone, c -> c.get("sourceRecords").size() == 4
                && c.get("summary").get("service").get("tickets").asInt() == 2
                && c.get("summary").get("membership").get("pointsMovements").asInt() == 2
                && c.get("summary").get("leasing").get("leases").asInt() == 2
                && "GOLD".equals(c.get("summary").get("membership").path("tier").asText())
                // the view reads its timeline before its summary, each as committed then: a fact stored between
                // the two reads shows in the summary only, until the next read
                && c.get("timeline").size() == 7);

        assertEquals(List.of("TENANT", "COMPANY_CONTACT", "MEMBER", "CALLER"), texts(customer.get("roles")));
        JsonNode leasing = customer.get("summary").get("leasing");
        assertEquals(1, leasing.get("active").asInt());
        assertEquals(0, new BigDecimal("12500").compareTo(leasing.get("activeMonthlyRent").decimalValue()), leasing.toString());
        assertEquals("2027-03-31", leasing.get("nextEnd").asText());
        assertEquals("2027-03-31", leasing.get("lastEnd").asText());
        JsonNode membership = customer.get("summary").get("membership");
        assertEquals(3400, membership.get("pointsBalance").asLong(), "the newest movement's balance");
        assertEquals(1, membership.get("activeMemberships").asInt());
        JsonNode service = customer.get("summary").get("service");
        assertEquals(1, service.get("openTickets").asInt());
        assertEquals(4.0, service.get("averageSatisfaction").asDouble());
        assertEquals(0, customer.get("summary").get("sales").get("contracts").asInt());
        assertEquals(List.of(), texts(customer.get("summary").get("property").get("units")));
        assertEquals(7, customer.get("timeline").size(), "two leases, membership, two points, two tickets");
        assertFalse(customer.hasNonNull("timelineNext"), "all on the first page");
    }

    @Test
    void theTimelineReadsPageByPageWithFiltersAndAFactStoredBetweenPagesNeitherRepeatsNorHidesAnother() throws Exception {
        String name = TestData.rareName(run);
        String phone = TestData.mobile(run);
        String member = "M" + run;
        List<String> events = new ArrayList<>();
        events.add(memberEvent("REGISTERED", "2026-01-01T09:00:00+08:00", name, phone, member, "SILVER", ""));
        for (int day = 1; day <= 7; day++) {
            events.add(points(name, phone, member, "2026-01-0" + day + "T10:00:00+08:00", day));
        }
        sendMemberEvents(events.toArray(String[]::new));
        String customerId = hub.awaitCustomerWithPhone(phone,
                c -> c.get("summary").get("membership").get("pointsMovements").asInt() == 7).get("id").asText();
        String timeline = "customers/" + customerId + "/timeline?type=POINTS&limit=3";

        JsonNode first = page(timeline);
        assertEquals(List.of(7, 6, 5), balances(first));
        // one older than the cursor's position, one newer: the first shows on a later page, the second on none
        sendMemberEvents(points(name, phone, member, "2026-01-04T22:00:00+08:00", 45),
                points(name, phone, member, "2026-01-09T10:00:00+08:00", 9));
        await().until(() -> page("customers/" + customerId + "/timeline?type=POINTS&limit=200").get("facts").size() == 9);
        JsonNode second = page(timeline + "&cursor=" + first.get("next").asText());
        JsonNode third = page(timeline + "&cursor=" + second.get("next").asText());
        assertEquals(List.of(45, 4, 3), balances(second));
        assertEquals(List.of(2, 1), balances(third));
        assertFalse(third.hasNonNull("next"), "the last page has no next");

        assertEquals(List.of("MEMBERSHIP"), types(page("customers/" + customerId + "/timeline?type=MEMBERSHIP")));
        assertEquals(10, page("customers/" + customerId + "/timeline?source=membership&type=POINTS&type=MEMBERSHIP").get("facts").size());
        assertEquals(0, page("customers/" + customerId + "/timeline?source=leasing").get("facts").size());
        List<String> times = new ArrayList<>();
        page("customers/" + customerId + "/timeline?limit=200").get("facts").forEach(f -> times.add(f.get("occurredAt").asText()));
        assertEquals(10, times.size(), "nine points movements and the membership");
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "unfiltered, newest first");

        assertRefused("customers/" + customerId + "/timeline?type=NOPE", "type must be one of");
        assertRefused("customers/" + customerId + "/timeline?cursor=not-a-cursor", "cursor");
        assertRefused("customers/" + customerId + "/timeline?limit=0", "limit");
        assertRefused("customers/" + customerId + "/timeline?limit=ten", "limit");
        assertEquals(404, hub.get("customers/C-none/timeline", HubClient.VIEWER).status());
    }

    /** The person customer with this phone once it satisfies the condition (the company the person is contact of has the phone too). */
    private JsonNode awaitPersonWithPhone(String phone, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode customer : hub.customersWithPhone(phone)) {
                if ("PERSON".equals(customer.get("kind").asText()) && condition.test(customer)) {
                    found[0] = customer;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private JsonNode page(String path) {
        HubClient.Response response = hub.get(path, HubClient.VIEWER);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private void assertRefused(String path, String reason) {
        HubClient.Response refused = hub.get(path, HubClient.VIEWER);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().get("error").asText().contains(reason), refused.body());
    }

    private static List<Integer> balances(JsonNode page) {
        List<Integer> balances = new ArrayList<>();
        page.get("facts").forEach(f -> balances.add(f.get("data").get("balance").asInt()));
        return balances;
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("facts").forEach(f -> types.add(f.get("type").asText()));
        return types;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    /** A points movement whose balance is the given number, to tell the facts apart. */
    static String points(String name, String phone, String member, String occurredAt, int balance) {
        return memberEvent("POINTS_EARNED", occurredAt, name, phone, member, "SILVER",
                "<points delta=\"1\" balance=\"" + balance + "\" reason=\"消费\"/>");
    }

    static String memberEvent(String type, String occurredAt, String name, String phone, String member, String tier,
                              String points) {
        return """
                <memberEvent xmlns="urn:membership:event:1">
                  <eventId>%s</eventId><type>%s</type><occurredAt>%s</occurredAt>
                  <member><memberNo>%s</memberNo><name>%s</name><mobile>%s</mobile><email/><tier>%s</tier></member>
                  %s
                </memberEvent>""".formatted(UUID.randomUUID(), type, occurredAt, member, name, phone, tier, points);
    }

    static void sendMemberEvents(String... events) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(MembershipQueueIT.BROKER, "membership", "membership-pass1!");
             JMSContext jms = factory.createContext()) {
            Queue queue = jms.createQueue(MembershipQueueIT.QUEUE);
            JMSProducer producer = jms.createProducer();
            for (String event : events) {
                producer.send(queue, event);
            }
        }
    }

    /** A call-center ticket through the signed webhook: created, or closed with its satisfaction. */
    static void postTicket(HubClient hub, String ticketId, String category, String name, String phone, String createdAt,
                           String closedAt, Integer satisfaction) throws Exception {
        var ticket = TestData.JSON.createObjectNode().put("ticketId", ticketId).put("event", closedAt == null ? "created" : "closed");
        ticket.putObject("caller").put("name", name).put("phone", phone);
        ticket.put("channel", "phone").put("category", category).put("subject", "电梯故障").put("createdAt", createdAt)
                .put("closedAt", closedAt);
        if (satisfaction != null) {
            ticket.put("satisfaction", satisfaction);
        }
        byte[] body = TestData.JSON.writeValueAsBytes(ticket);
        HubClient.Response accepted = hub.post("ingest/service/tickets", Map.of("Content-Type", "application/json",
                "X-Signature", TicketWebhookIT.sign(body, TicketWebhookIT.SECRET)), body);
        assertEquals(202, accepted.status(), accepted.body());
    }
}
