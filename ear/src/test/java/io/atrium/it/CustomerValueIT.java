package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.client.CustomerAnalytics;
import io.atrium.client.CustomerValueView;
import io.atrium.client.InvalidQueryException;
import io.atrium.client.ScoreDistribution;
import jakarta.ejb.EJBAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Value, satisfaction and loyalty scores through the real intake (leasing files, membership events, call-center
 * tickets, canonical records), with the shipped settings: the stored scores of hand-built customers, worked out
 * here as of today, kept current within seconds after a new fact (one that announces no change event included)
 * and after a merge, the value matrix and the full recompute.
 */
class CustomerValueIT extends DeployedHub {

    private static final Charset GBK = Charset.forName("GBK");
    private static final ZoneId GROUP_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LEASING_DATE = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** Scores follow a committed change within this (the drain runs right after the commit). */
    private static final Duration UPDATED_WITHIN = Duration.ofSeconds(5);
    private static final String ANALYTICS = "ejb:atrium/atrium-ejb//CustomerAnalyticsBean!" + CustomerAnalytics.class.getName();

    private HubClient hub;
    private String run;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        hub = hub();
        run = TestData.runId();
        today = LocalDate.now(GROUP_ZONE);
    }

    @Test
    void aTenantWhoseOnlyLeaseEndsSoonIsHighHighAtRiskAndAComplaintAddsAReason() throws Exception {
        String name = TestData.rareName(run);
        String phone = TestData.mobile(run);
        String customerId = tenantWhoseLeaseEndsSoon(hub, run, name, phone);

        JsonNode value = awaitValue(customerId, v -> v.get("currentValue").asInt() > 0);
        // 200,000 x 12 = 2,400,000: 48 points, capped 40; the lease is business within 24 months: 5; it began two
        // months ago: 20 x 22/24 = 18
        assertEquals(List.of("MONETARY=40", "FREQUENCY=5", "RECENCY=18"), reasons(value.get("currentReasons")));
        assertEquals(63, value.get("currentValue").asInt());
        // it ends in three months: within six
        assertEquals(List.of("LEASE_ENDING=30"), reasons(value.get("potentialReasons")));
        assertEquals("HIGH_HIGH", value.get("cell").asText());
        assertEquals(List.of("NO_RATINGS=60"), reasons(value.get("satisfactionReasons")));
        assertEquals(60, value.get("satisfaction").asInt());
        assertEquals(0, value.get("loyalty").asInt(), "two months of tenure, one lease");
        assertTrue(value.get("atRisk").asBoolean());
        assertEquals(List.of("LEASE_ENDING_WITHOUT_RENEWAL"), texts(value.get("riskReasons")));
        assertEquals(today.plusMonths(3).toString(), value.get("figures").get("nextLeaseEnd").asText());
        assertEquals(today.toString(), value.get("asOf").asText());
        assertTrue(listed("HIGH_HIGH", true).contains(customerId), "listed in its cell among those at risk");

        // the same person complains by phone: the ticket's record joins the customer and its open complaint counts
        CustomerProfileIT.postTicket(hub, "T-" + run, "complaint", name, phone, now(), null, null);
        JsonNode complained = awaitValue(customerId, v -> v.get("riskReasons").size() == 2);
        assertEquals(List.of("RECENT_UNRESOLVED_COMPLAINT", "LEASE_ENDING_WITHOUT_RENEWAL"), texts(complained.get("riskReasons")));
        // 60, one complaint within 90 days -15, one open ticket -5
        assertEquals(List.of("NO_RATINGS=60", "RECENT_COMPLAINTS=-15", "OPEN_ITEMS=-5"), reasons(complained.get("satisfactionReasons")));
        assertEquals(40, complained.get("satisfaction").asInt());
        assertEquals(1, complained.get("figures").get("openComplaints").asInt());
        assertTrue(texts(complained.get("figures").get("roles")).contains("CALLER"));
    }

    @Test
    void aMembersNewPointsMovementAnnouncesNoChangeYetRaisesItsScoresWithinSeconds() {
        String name = TestData.rareName(run);
        String phone = TestData.mobile(run);
        String member = "M" + run;
        String joined = today.minusYears(2).minusDays(10).atTime(10, 0).atZone(GROUP_ZONE).format(EVENT_TIME);
        CustomerProfileIT.sendMemberEvents(
                CustomerProfileIT.memberEvent("REGISTERED", joined, name, phone, member, "GOLD", ""),
                CustomerProfileIT.memberEvent("POINTS_EARNED", joined, name, phone, member, "GOLD",
                        "<points delta=\"500\" balance=\"500\" reason=\"消费\"/>"));
        String customerId = hub.awaitCustomerWithPhone(phone,
                c -> c.get("summary").get("membership").get("pointsMovements").asInt() == 1).get("id").asText();

        JsonNode value = awaitValue(customerId, v -> v.get("currentValue").asInt() == 10);
        // GOLD 10; its only business is older than 24 months; 500 points are no point
        assertEquals(List.of("MEMBERSHIP_TIER=10"), reasons(value.get("currentReasons")));
        // a member who never bought or leased
        assertEquals(List.of("NEVER_BOUGHT_OR_LEASED=40"), reasons(value.get("potentialReasons")));
        assertEquals("LOW_HIGH", value.get("cell").asText());
        assertEquals(List.of("TENURE=16"), reasons(value.get("loyaltyReasons")), "two whole years x 8");
        assertFalse(value.get("atRisk").asBoolean());

        long feedBefore = lastFeedPosition();
        CustomerProfileIT.sendMemberEvents(CustomerProfileIT.memberEvent("POINTS_EARNED", now(), name, phone, member, "GOLD",
                "<points delta=\"4500\" balance=\"5000\" reason=\"消费\"/>"));
        JsonNode raised = awaitValue(customerId, v -> "HIGH_HIGH".equals(v.get("cell").asText()));
        // a movement now: 5 for frequency, 20 for recency; 5,000 points: 5
        assertEquals(List.of("FREQUENCY=5", "RECENCY=20", "MEMBERSHIP_TIER=10", "POINTS_BALANCE=5"), reasons(raised.get("currentReasons")));
        assertEquals(40, raised.get("currentValue").asInt());
        assertEquals(feedBefore, lastFeedPosition(), "the member's record did not change: no change event, the fact alone updated the scores");
    }

    @Test
    void aMergeRemovesTheAbsorbedCustomersScoresAndScoresTheSurvivorWithBothRecordsFacts() throws Exception {
        String name = TestData.rareName(run);
        String phoneA = TestData.mobile(run + "a");
        String phoneB = TestData.mobile(run + "b");
        String member = "M" + run;
        CustomerProfileIT.sendMemberEvents(CustomerProfileIT.memberEvent("REGISTERED", now(), name, phoneA, member, "SILVER", ""));
        ObjectNode other = TestData.canonicalPerson("crm-" + run, "B", name, phoneB).put("birthDate", "1984-05-06");
        other.putArray("emails").add(run + "@example.com");
        post(other);
        String customerA = hub.awaitCustomerWithPhone(phoneA, 1).get("id").asText();
        String customerB = hub.awaitCustomerWithPhone(phoneB, 1).get("id").asText();
        assertNotEquals(customerA, customerB);
        awaitValue(customerA, v -> "LOW_HIGH".equals(v.get("cell").asText()));
        assertEquals("LOW_LOW", awaitValue(customerB, v -> true).get("cell").asText(), "nothing known of B but its record");
        assertTrue(listed("LOW_LOW", false).contains(customerB));

        // a record with A's phone and B's birth date and e-mail bridges them
        ObjectNode bridge = TestData.canonicalPerson("crm-" + run, "C", name, phoneA).put("birthDate", "1984-05-06");
        bridge.putArray("emails").add(run + "@example.com");
        post(bridge);
        String survivor = hub.awaitCustomerWithPhone(phoneA, 3).get("id").asText();
        String absorbed = survivor.equals(customerA) ? customerB : customerA;

        await().atMost(UPDATED_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> !listed(null, null).contains(absorbed));
        JsonNode value = awaitValue(survivor, v -> "LOW_HIGH".equals(v.get("cell").asText()));
        assertEquals(List.of("NEVER_BOUGHT_OR_LEASED=40"), reasons(value.get("potentialReasons")), "the member's facts came along");
        assertEquals(survivor, hub.get("customers/" + absorbed + "/value", HubClient.VIEWER).json().get("customerId").asText(),
                "a merged-away id answers with its survivor's scores");
    }

    @Test
    void theFullRecomputeScoresEveryActiveCustomerAndTheMatrixCountsThem() {
        String phone = TestData.mobile(run);
        post(TestData.canonicalPerson("crm-" + run, "Q", TestData.rareName(run), phone));
        String customerId = hub.awaitCustomerWithPhone(phone, 1).get("id").asText();
        awaitValue(customerId, v -> true);
        HubClient.Response refused = hub.post("analytics/recompute", HubClient.OPERATOR);
        assertEquals(403, refused.status(), refused.body());
        HubClient.Response started = hub.post("analytics/recompute", HubClient.ADMIN);
        assertEquals(202, started.status(), started.body());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !hub.get("analytics/recompute", HubClient.VIEWER).json().get("running").asBoolean());
        JsonNode progress = hub.get("analytics/recompute", HubClient.VIEWER).json();
        assertTrue(progress.path("failure").isMissingNode() || progress.get("failure").isNull(), progress.toString());
        assertEquals(today.toString(), progress.get("asOf").asText());
        assertTrue(progress.get("customers").asLong() >= 1, progress.toString());
        Instant rescored = Instant.parse(hub.get("customers/" + customerId + "/value", HubClient.VIEWER).json().get("computedAt").asText());
        assertFalse(rescored.isBefore(Instant.parse(progress.get("startedAt").asText())), "scored again by the recompute");

        JsonNode matrix = hub.get("analytics/value-matrix", HubClient.APP).json();
        long customers = 0;
        long atRisk = 0;
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : matrix.get("cells")) {
            cells.add(cell.get("cell").asText());
            customers += cell.get("customers").asLong();
            atRisk += cell.get("atRisk").asLong();
        }
        assertEquals(List.of("HIGH_HIGH", "HIGH_LOW", "LOW_HIGH", "LOW_LOW"), cells);
        assertEquals(customers, matrix.get("customers").asLong());
        assertEquals(atRisk, matrix.get("atRisk").asLong());
        assertTrue(matrix.get("customers").asLong() >= progress.get("customers").asLong() - 5,
                "every customer the recompute scored is counted (a few more may have been resolved since): " + matrix + " " + progress);
        assertEquals(matrix.get("customers").asLong(), hub.get("analytics/customers?size=1", HubClient.VIEWER).json().get("total").asLong());

        assertRefused("analytics/customers?cell=MIDDLE", "cell must be one of");
        assertRefused("analytics/customers?atRisk=maybe", "atRisk must be true or false");
        assertRefused("analytics/customers?size=501", "size");
        assertEquals(404, hub.get("customers/C-none/value", HubClient.VIEWER).status());
    }

    @Test
    void anApplicationReadsTheScoresRemotelyAsOverRest() throws Exception {
        String phone = TestData.mobile(run);
        post(TestData.canonicalPerson("crm-" + run, "R", TestData.rareName(run), phone));
        String customerId = hub.awaitCustomerWithPhone(phone, 1).get("id").asText();
        JsonNode overRest = awaitValue(customerId, v -> true);

        Context context = remoteContext("app", "app-pass1!");
        try {
            CustomerAnalytics analytics = (CustomerAnalytics) context.lookup(ANALYTICS);
            CustomerValueView value = analytics.value(customerId);
            assertEquals(customerId, value.customerId());
            assertEquals("LOW_LOW", value.cell());
            assertEquals(overRest.get("satisfaction").asInt(), value.satisfaction());
            assertEquals(List.of(new CustomerValueView.ScoreReason("NO_RATINGS", 60)), value.satisfactionReasons());
            assertTrue(analytics.valueMatrix().customers() > 0);
            assertEquals(1, analytics.customers("LOW_LOW", false, 0, 1).customers().size());
            ScoreDistribution distribution = analytics.distribution();
            assertEquals(10, distribution.satisfaction().size());
            assertTrue(distribution.satisfaction().get(6).customers() >= 1, "its satisfaction of 60 is counted from 60 to 69");
            assertThrows(InvalidQueryException.class, () -> analytics.customers("MIDDLE", null, 0, 10));
            assertEquals(null, analytics.value("C-none"));
        } finally {
            context.close();
        }
        Context membership = remoteContext("membership", "membership-pass1!");
        try {
            CustomerAnalytics analytics = (CustomerAnalytics) membership.lookup(ANALYTICS);
            assertThrows(EJBAccessException.class, () -> analytics.value(customerId), "a user without a hub role reads nothing");
        } finally {
            membership.close();
        }
    }

    /**
     * A tenant through a leasing file: one lease at 200,000 a month that began two months ago and ends in three
     * (HIGH_HIGH and at risk, worked out in the first test); answers its customer's id.
     */
    static String tenantWhoseLeaseEndsSoon(HubClient hub, String run, String name, String phone) throws IOException {
        LocalDate today = LocalDate.now(GROUP_ZONE);
        Path inbox = TestData.serverData().resolve("atrium/inbox/leasing");
        String file = "tenants_" + LocalDateTime.now(GROUP_ZONE).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".csv";
        TestData.drop(inbox, file, LeasingFileIT.HEADER + "\r\n"
                + "L-" + run + ",个人," + name + ",," + phone + ",身份证,,,LC-" + run + ",翠湖花园,3栋1502,"
                + today.minusMonths(2).format(LEASING_DATE) + "," + today.plusMonths(3).format(LEASING_DATE)
                + ",\"200,000.00\",执行中\r\n", GBK);
        Files.createFile(inbox.resolve(file + ".done"));
        return hub.awaitCustomerWithPhone(phone, 1).get("id").asText();
    }

    private JsonNode awaitValue(String customerId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(UPDATED_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            HubClient.Response response = hub.get("customers/" + customerId + "/value", HubClient.VIEWER);
            assertEquals(200, response.status(), response.body());
            found[0] = response.json();
            return condition.test(found[0]);
        });
        return found[0];
    }

    /** Every scored customer of the cell (null: all) and risk (null: either), page by page. */
    private Set<String> listed(String cell, Boolean atRisk) {
        Set<String> ids = new HashSet<>();
        String filter = (cell == null ? "" : "&cell=" + cell) + (atRisk == null ? "" : "&atRisk=" + atRisk);
        for (int page = 0; ; page++) {
            JsonNode answer = hub.get("analytics/customers?size=500&page=" + page + filter, HubClient.VIEWER).json();
            answer.get("customers").forEach(c -> ids.add(c.get("customerId").asText()));
            if ((long) (page + 1) * 500 >= answer.get("total").asLong()) {
                return ids;
            }
        }
    }

    private long lastFeedPosition() {
        long position = 0;
        for (JsonNode page = feed(0); page.get("changes").size() > 0; page = feed(position)) {
            position = page.get("next").asLong();
        }
        return position;
    }

    private JsonNode feed(long after) {
        return hub.get("customers/changes?limit=1000&after=" + after, HubClient.APP).json();
    }

    private void post(ObjectNode record) {
        HubClient.Response accepted = hub.postRecords(HubClient.APP, record.toString());
        assertEquals(202, accepted.status(), accepted.body());
    }

    private void assertRefused(String path, String reason) {
        HubClient.Response refused = hub.get(path, HubClient.VIEWER);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().get("error").asText().contains(reason), refused.body());
    }

    private String now() {
        return java.time.ZonedDateTime.now(GROUP_ZONE).withNano(0).format(EVENT_TIME);
    }

    private static List<String> reasons(JsonNode reasons) {
        List<String> texts = new ArrayList<>();
        reasons.forEach(r -> texts.add(r.get("rule").asText() + "=" + r.get("points").asInt()));
        return texts;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }
}
