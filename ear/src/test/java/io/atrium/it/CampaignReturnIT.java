package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.client.CampaignResults;
import io.atrium.client.CampaignReturns;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A campaign's return on a seeded population with a known effect, through the real intake: twenty tenants of one
 * project (a segment), a campaign a month ago holding out a quarter of them with a fixed seed, then new leases within
 * the response window for six of the targeted and one of the held out (and one before the campaign, which does not
 * count): response rates, revenue, incremental revenue and return on cost as worked out here.
 */
class CampaignReturnIT extends DeployedHub {

    private static final ZoneId GROUP_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CAMPAIGNS = "ejb:atrium/atrium-ejb//CampaignReturnsBean!" + CampaignReturns.class.getName();
    private static final int TENANTS = 20;
    private static final long NEW_RENT = 3_000;

    @Test
    void theReturnOfACampaignIsItsTargetedPartsBusinessBeyondTheHoldouts() throws Exception {
        HubClient hub = hub();
        String run = TestData.runId();
        String project = "P" + run;
        LocalDate today = LocalDate.now(GROUP_ZONE);
        List<String> customers = scoredTenants(hub, run, project, TENANTS);
        String segment = "campaign-" + run;
        projectSegment(hub, segment, project, TENANTS);

        // 10,000 CNY, a quarter held out
        ObjectNode request = campaignRequest("Renewal offer " + run, segment, 10_000, 0.25);
        HubClient.Response refused = hub.postJson("campaigns", HubClient.OPERATOR, request.toString());
        assertEquals(403, refused.status(), refused.body());
        HubClient.Response recorded = hub.postJson("campaigns", HubClient.ADMIN, request.toString());
        assertEquals(201, recorded.status(), recorded.body());
        JsonNode campaign = recorded.json();
        assertEquals(15, campaign.get("targeted").asInt());
        assertEquals(5, campaign.get("heldOut").asInt());
        long id = campaign.get("id").asLong();
        List<String> targeted = members(hub, id, false);
        List<String> heldOut = members(hub, id, true);
        assertEquals(15, targeted.size());
        assertEquals(5, heldOut.size());
        assertTrue(customers.containsAll(targeted) && customers.containsAll(heldOut));

        // the same seed draws the same holdout
        HubClient.Response again = hub.postJson("campaigns", HubClient.ADMIN, request.put("name", "again").toString());
        assertEquals(heldOut, members(hub, again.json().get("id").asLong(), true));

        // new leases ten days ago: six targeted tenants and one held out; one more targeted tenant's lease began
        // before the campaign, outside its window
        List<String> rows = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            rows.add(newLease(run, customers.indexOf(targeted.get(t)), project, today.minusDays(10)));
        }
        rows.add(newLease(run, customers.indexOf(heldOut.get(0)), project, today.minusDays(10)));
        rows.add(newLease(run, customers.indexOf(targeted.get(6)), project, today.minusDays(40)));
        LeaseExports.drop(rows);

        JsonNode[] results = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            results[0] = hub.get("campaigns/" + id + "/results", HubClient.VIEWER).json();
            return results[0].get("targeted").get("leases").asInt() == 6 && results[0].get("holdout").get("leases").asInt() == 1;
        });
        JsonNode r = results[0];
        // targeted: 6 of 15 responded, 6 x 3,000 x 12 = 216,000; held out: 1 of 5, 36,000
        assertEquals(6, r.get("targeted").get("responders").asInt());
        assertEquals(0.4, r.get("targeted").get("responseRate").asDouble(), 1e-9);
        assertEquals(0, new BigDecimal("216000.00").compareTo(r.get("targeted").get("revenue").decimalValue()), r.toString());
        assertEquals(0.2, r.get("holdout").get("responseRate").asDouble(), 1e-9);
        assertEquals(0, new BigDecimal("36000.00").compareTo(r.get("holdout").get("revenue").decimalValue()), r.toString());
        assertEquals(0.2, r.get("responseUplift").asDouble(), 1e-9);
        assertEquals(3.0, r.get("incrementalResponders").asDouble(), 1e-9);
        // 216,000 - 36,000 x 15 / 5 = 108,000; (108,000 - 10,000) / 10,000 = 9.8
        assertEquals(0, new BigDecimal("108000.00").compareTo(r.get("incrementalRevenue").decimalValue()), r.toString());
        assertEquals(9.8, r.get("returnOnCost").asDouble(), 1e-9);
        assertFalse(r.get("complete").asBoolean(), "the window ends in 30 days");
        // every campaign's results in one answer, this one's as its own results give them
        JsonNode all = hub.get("campaigns/results", HubClient.VIEWER).json();
        JsonNode listed = null;
        for (JsonNode campaignResults : all) {
            if (campaignResults.get("campaignId").asLong() == id) {
                listed = campaignResults;
            }
        }
        assertEquals(r, listed, all.toString());

        Context context = remoteContext("app", "app-pass1!");
        try {
            CampaignReturns campaigns = (CampaignReturns) context.lookup(CAMPAIGNS);
            CampaignResults remote = campaigns.results(id);
            assertEquals(0, new BigDecimal("108000.00").compareTo(remote.incrementalRevenue()));
            assertTrue(campaigns.allResults().contains(remote));
            assertEquals(7, campaigns.campaign(id).seed());
        } finally {
            context.close();
        }

        assertRefused(hub, request.put("holdoutShare", 1.5), "holdoutShare is required, between 0 and 1");
        assertRefused(hub, request.put("holdoutShare", 0.25).put("segment", "none-" + run), "segment must name an existing segment");
        assertRefused(hub, request.put("segment", segment).put("holdoutShare", 0.01), "too few to hold out");
        assertEquals(404, hub.get("campaigns/0/results", HubClient.VIEWER).status());
        assertEquals(204, hub.delete("segments/" + segment, HubClient.ADMIN).status());
    }

    private static void assertRefused(HubClient hub, ObjectNode request, String reason) {
        HubClient.Response refused = hub.postJson("campaigns", HubClient.ADMIN, request.toString());
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().get("error").asText().contains(reason), refused.body());
    }

    private static List<String> members(HubClient hub, long campaign, boolean heldOut) {
        JsonNode page = hub.get("campaigns/" + campaign + "/members?size=500&heldOut=" + heldOut, HubClient.VIEWER).json();
        List<String> ids = new ArrayList<>();
        page.get("members").forEach(m -> {
            assertEquals(heldOut, m.get("heldOut").asBoolean());
            ids.add(m.get("customerId").asText());
        });
        return ids;
    }

    /**
     * Tenants of the project (leasing since 400 days ago, for two more years at 2,000 CNY a month), each scored:
     * their customer ids, tenant by tenant.
     */
    static List<String> scoredTenants(HubClient hub, String run, String project, int count) {
        LocalDate today = LocalDate.now(GROUP_ZONE);
        LeaseExports.drop(IntStream.range(0, count).mapToObj(i -> LeaseExports.row("L-" + run + "-" + i, name(run, i), phone(run, i),
                "LC-" + run + "-" + i, project, today.minusDays(400), today.plusYears(2), 2_000)).toList());
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String customer = hub.awaitCustomerWithPhone(phone(run, i), 1).get("id").asText();
            // read once: scored now if its drain has not come yet, so a segment defined next finds it
            assertEquals(200, hub.get("customers/" + customer + "/value", HubClient.VIEWER).status());
            customers.add(customer);
        }
        return customers;
    }

    /** Defines, as admin, a segment of the project's customers, which selects {@code members} at once. */
    static void projectSegment(HubClient hub, String segment, String project, int members) {
        HubClient.Response defined = hub.putJson("segments/" + segment, HubClient.ADMIN,
                TestData.JSON.createObjectNode().put("rule", "project = '" + project + "'").toString());
        assertEquals(members, defined.json().get("members").asInt(), defined.body());
    }

    /** A campaign on the segment a month ago (today in the group's zone), counting business within 60 days, holdout seed 7. */
    static ObjectNode campaignRequest(String name, String segment, long cost, double holdoutShare) {
        return TestData.JSON.createObjectNode().put("name", name).put("segment", segment)
                .put("date", LocalDate.now(GROUP_ZONE).minusDays(30).toString()).put("cost", cost)
                .put("holdoutShare", holdoutShare).put("responseDays", 60).put("seed", 7);
    }

    /** A tenant's new lease in the project from start, for a year at 3,000 CNY a month. */
    static String newLease(String run, int tenant, String project, LocalDate start) {
        return LeaseExports.row("L-" + run + "-" + tenant, name(run, tenant), phone(run, tenant), "LC-" + run + "-" + tenant + "-new",
                project, start, start.plusYears(1), NEW_RENT);
    }

    private static String name(String run, int tenant) {
        return TestData.rareName(run + "-" + tenant);
    }

    private static String phone(String run, int tenant) {
        return TestData.mobile(run + "-" + tenant);
    }
}
