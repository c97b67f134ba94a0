package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.client.CustomerSegments;
import io.atrium.client.InvalidQueryException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segments over customers built by hand through the real intake (leasing exports, call-center tickets, membership
 * events, canonical records), each test's own found by their project: members as the rules select them, worked out
 * here from the value model's shipped settings; kept current after a new fact and after a merge; listed, exported as
 * CSV, sized over time; defined and removed by hub-admin only.
 */
class SegmentsIT extends DeployedHub {

    private static final ZoneId GROUP_ZONE = ZoneId.of("Asia/Shanghai");
    /** Memberships follow a committed change within this (the scores' drain runs right after the commit). */
    private static final Duration UPDATED_WITHIN = Duration.ofSeconds(5);
    private static final String SEGMENTS = "ejb:atrium/atrium-ejb//CustomerSegmentsBean!" + CustomerSegments.class.getName();

    private HubClient hub;
    private String run;
    private String project;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        hub = hub();
        run = TestData.runId();
        project = "P" + run;
        today = LocalDate.now(GROUP_ZONE);
    }

    @Test
    void membersAreTheCustomersTheRulesSelectAndFollowANewFact() throws Exception {
        // three tenants of the project, each lease begun two months ago:
        // big: 200,000 a month (current 40 + 5 + 18 = 63, HIGH), ends in 3 months (potential 30, HIGH): HIGH_HIGH, at risk
        // small: 1,000 a month (current 0 + 5 + 18 = 23, LOW), ends in two years (potential 0): LOW_LOW
        // ending: 1,000 a month (LOW), ends in 4 months (potential 30): LOW_HIGH
        Map<String, String> phones = new TreeMap<>(Map.of("big", TestData.mobile(run + "big"),
                "small", TestData.mobile(run + "small"), "ending", TestData.mobile(run + "ending")));
        LeaseExports.drop(List.of(
                LeaseExports.row("L-" + run + "-big", TestData.rareName(run + "big"), phones.get("big"), "LC-" + run + "-big",
                        project, today.minusMonths(2), today.plusMonths(3), 200_000),
                LeaseExports.row("L-" + run + "-small", TestData.rareName(run + "small"), phones.get("small"), "LC-" + run + "-small",
                        project, today.minusMonths(2), today.plusYears(2), 1_000),
                LeaseExports.row("L-" + run + "-ending", TestData.rareName(run + "ending"), phones.get("ending"), "LC-" + run + "-ending",
                        project, today.minusMonths(2), today.plusMonths(4), 1_000)));
        Map<String, String> ids = new TreeMap<>();
        phones.forEach((tenant, phone) -> ids.put(tenant, hub.awaitCustomerWithPhone(phone, 1).get("id").asText()));
        Map<String, String> cells = Map.of("big", "HIGH_HIGH", "small", "LOW_LOW", "ending", "LOW_HIGH");
        cells.forEach((tenant, cell) -> awaitCell(ids.get(tenant), cell));

        String ending = define("ending-" + run, "project = '" + project + "' and next_lease_end <= today+6m");
        String lowLow = define("lowlow-" + run, "project = '" + project + "' and cell = LOW_LOW");
        String valuableAtRisk = define("risk-" + run, "project = '" + project + "' and current_value >= 40 and at_risk");
        String unhappyCallers = define("callers-" + run, "project = '" + project + "' and role = CALLER and satisfaction < 60");
        assertEquals(List.of(ids.get("big"), ids.get("ending")), members(ending), "highest current value first");
        assertEquals(List.of(ids.get("small")), members(lowLow));
        assertEquals(List.of(ids.get("big")), members(valuableAtRisk));
        assertEquals(List.of(), members(unhappyCallers));
        JsonNode segment = hub.get("segments/" + ending, HubClient.APP).json();
        assertEquals(2, segment.get("members").asLong());
        assertEquals("API", segment.get("origin").asText());
        assertEquals("admin", segment.get("updatedBy").asText());

        // the small tenant complains by phone: a caller now, 60 - 15 (a complaint) - 5 (open) = 40
        CustomerProfileIT.postTicket(hub, "T-" + run, "complaint", TestData.rareName(run + "small"), phones.get("small"),
                ZonedDateTime.now(GROUP_ZONE).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), null, null);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> members(unhappyCallers).equals(List.of(ids.get("small"))));
        assertEquals(List.of(ids.get("small")), members(lowLow), "still LOW_LOW: a complaint moves no value");

        String csv = hub.get("segments/" + ending + "/members.csv", HubClient.VIEWER).body();
        List<String> lines = csv.lines().toList();
        assertEquals("customerId,currentValue,potentialValue,cell,satisfaction,loyalty,atRisk", lines.get(0));
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(ids.get("big").compareTo(ids.get("ending")) < 0 ? 1 : 2).startsWith(ids.get("big") + ",63,30,HIGH_HIGH,60,0,true"), csv);

        // sizes: one at each definition, one at each full recompute
        assertEquals(200, hub.post("segments/recompute", HubClient.ADMIN).status());
        List<Long> sizes = new ArrayList<>();
        JsonNode history = hub.get("segments/" + ending + "/history", HubClient.VIEWER).json();
        history.get("sizes").forEach(s -> sizes.add(s.get("members").asLong()));
        assertEquals(List.of(2L, 2L), sizes);
        // every segment's sizes in one answer, each as its own history gives them
        JsonNode all = hub.get("segments/history", HubClient.VIEWER).json();
        JsonNode listed = null;
        for (JsonNode sizesOfOne : all) {
            if (sizesOfOne.get("segment").asText().equals(ending)) {
                listed = sizesOfOne;
            }
        }
        assertEquals(history, listed, all.toString());

        for (String name : List.of(ending, lowLow, valuableAtRisk, unhappyCallers)) {
            assertEquals(204, hub.delete("segments/" + name, HubClient.ADMIN).status());
        }
        assertEquals(404, hub.get("segments/" + ending, HubClient.VIEWER).status());
        assertEquals(404, hub.delete("segments/" + ending, HubClient.ADMIN).status());
    }

    @Test
    void aMergeBringsTheSurvivorIntoTheSegmentAndTheAbsorbedIdLeavesEveryOne() throws Exception {
        String name = TestData.rareName(run);
        String phoneA = TestData.mobile(run + "a");
        String phoneB = TestData.mobile(run + "b");
        // A: a member; B: a canonical record and a tenant of the project with its phone
        CustomerProfileIT.sendMemberEvents(CustomerProfileIT.memberEvent("REGISTERED",
                ZonedDateTime.now(GROUP_ZONE).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), name, phoneA, "M" + run, "SILVER", ""));
        ObjectNode other = TestData.canonicalPerson("crm-" + run, "B", name, phoneB).put("birthDate", "1984-05-06");
        other.putArray("emails").add(run + "@example.com");
        post(other);
        LeaseExports.drop(List.of(LeaseExports.row("L-" + run, name, phoneB, "LC-" + run, project, today.minusMonths(2),
                today.plusYears(1), 5_000)));
        String customerA = hub.awaitCustomerWithPhone(phoneA, 1).get("id").asText();
        String customerB = hub.awaitCustomerWithPhone(phoneB, 2).get("id").asText();
        assertNotEquals(customerA, customerB);
        awaitCell(customerB, "LOW_LOW");

        String tenants = define("tenants-" + run, "project = '" + project + "' and role = TENANT");
        String members = define("members-" + run, "project = '" + project + "' and role = MEMBER");
        assertEquals(List.of(customerB), members(tenants));
        assertEquals(List.of(), members(members), "the member is not of the project, the tenant is no member");

        // a record with A's phone and B's birth date and e-mail bridges them
        ObjectNode bridge = TestData.canonicalPerson("crm-" + run, "C", name, phoneA).put("birthDate", "1984-05-06");
        bridge.putArray("emails").add(run + "@example.com");
        post(bridge);
        String survivor = hub.awaitCustomerWithPhone(phoneA, 4).get("id").asText();
        await().atMost(UPDATED_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> members(members).equals(List.of(survivor)) && members(tenants).equals(List.of(survivor)));

        assertEquals(204, hub.delete("segments/" + tenants, HubClient.ADMIN).status());
        assertEquals(204, hub.delete("segments/" + members, HubClient.ADMIN).status());
    }

    @Test
    void onlyAnAdministratorDefinesAndARuleItCannotReadIsRefusedWithTheReason() throws Exception {
        String name = "refused-" + run;
        HubClient.Response operator = hub.putJson("segments/" + name, HubClient.OPERATOR, "{\"rule\": \"at_risk\"}");
        assertEquals(403, operator.status(), operator.body());
        HubClient.Response bad = hub.putJson("segments/" + name, HubClient.ADMIN, "{\"rule\": \"cell = MIDDLE\"}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("rule: cell is one of [HIGH_HIGH, HIGH_LOW, LOW_HIGH, LOW_LOW] at character 8", bad.json().get("error").asText());
        HubClient.Response badName = hub.putJson("segments/Big_One", HubClient.ADMIN, "{\"rule\": \"at_risk\"}");
        assertEquals(400, badName.status(), badName.body());
        HubClient.Response noRule = hub.putJson("segments/" + name, HubClient.ADMIN, "{}");
        assertEquals(400, noRule.status(), noRule.body());
        assertEquals(404, hub.get("segments/" + name, HubClient.VIEWER).status(), "nothing was saved");
        assertEquals(404, hub.get("segments/" + name + "/members", HubClient.VIEWER).status());
        assertEquals(404, hub.get("segments/" + name + "/members.csv", HubClient.VIEWER).status());

        // the remote interface, as a downstream application uses it
        String defined = define(name, "project = '" + project + "'");
        Context context = remoteContext("app", "app-pass1!");
        try {
            CustomerSegments segments = (CustomerSegments) context.lookup(SEGMENTS);
            assertEquals(0, segments.segment(defined).members());
            assertTrue(segments.segments().stream().anyMatch(s -> s.name().equals(defined)));
            assertEquals(0, segments.members(defined, 0, 10).total());
            assertThrows(InvalidQueryException.class, () -> segments.members(defined, 0, 501));
            assertEquals(1, segments.history(defined, null, null).sizes().size());
            assertTrue(segments.histories(null, null).contains(segments.history(defined, null, null)));
            assertThrows(jakarta.ejb.EJBAccessException.class, () -> segments.delete(defined), "hub-app does not delete");
        } finally {
            context.close();
        }
        Context admin = remoteContext("admin", "admin-pass1!");
        try {
            // GET /segments/history is every segment's sizes: no segment can be read there
            InvalidQueryException reserved = assertThrows(InvalidQueryException.class,
                    () -> ((CustomerSegments) admin.lookup(SEGMENTS)).define("history", "at_risk"));
            assertTrue(reserved.getMessage().contains("cannot be named history"), reserved.getMessage());
        } finally {
            admin.close();
        }
        assertEquals(204, hub.delete("segments/" + defined, HubClient.ADMIN).status());
    }

    private String define(String name, String rule) {
        HubClient.Response defined = hub.putJson("segments/" + name, HubClient.ADMIN,
                TestData.JSON.createObjectNode().put("rule", rule).toString());
        assertEquals(200, defined.status(), defined.body());
        assertEquals(rule, defined.json().get("rule").asText());
        return name;
    }

    private List<String> members(String segment) {
        HubClient.Response page = hub.get("segments/" + segment + "/members?size=500", HubClient.VIEWER);
        assertEquals(200, page.status(), page.body());
        List<String> ids = new ArrayList<>();
        page.json().get("customers").forEach(c -> ids.add(c.get("customerId").asText()));
        assertEquals(ids.size(), page.json().get("total").asInt(), page.body());
        return ids;
    }

    private void awaitCell(String customerId, String cell) {
        await().atMost(UPDATED_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> cell.equals(hub.get("customers/" + customerId + "/value", HubClient.VIEWER).json().path("cell").asText()));
    }

    private void post(ObjectNode record) {
        HubClient.Response accepted = hub.postRecords(HubClient.APP, record.toString());
        assertEquals(202, accepted.status(), accepted.body());
    }
}
