package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property-management API, served over real HTTP on the port the IT hub polls: the hub
 * sends its API key, pages through both collections from its watermark, waits out a 429
 * with Retry-After, and quarantines a broken item with its page while the rest go through.
 */
class PropertyApiIT extends DeployedHub {

    private static PropertyApiStub api;

    @BeforeAll
    static void startApi() {
        api = new PropertyApiStub();
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @Test
    void anOwnerChangedAndMovedToTheLastPageDuringAPassArrivesInItsNewerStateAndACompanyIsAnOrganization() {
        HubClient hub = hub();
        String run = TestData.runId();
        String movedId = "PM-" + run + "-moved";
        String movedPhone = TestData.mobile(run + "moved");
        OffsetDateTime now = OffsetDateTime.now().withNano(0);
        api.afterOwnersFirstPage = items -> {
            for (JsonNode item : items) {
                if (item.get("ownerId").asText().equals(movedId)) {
                    api.owners.removeIf(owner -> owner.get("ownerId").asText().equals(movedId));
                    // newer than every other item: from the first page to the last
                    api.owners.add(PropertyApiStub.owner(movedId, movedPhone, now.plusSeconds(4)).put("arrears", 99));
                    return true;
                }
            }
            return false;
        };
        api.owners.add(PropertyApiStub.owner(movedId, movedPhone, now).put("arrears", 1));
        for (int i = 0; i < 6; i++) {
            api.owners.add(PropertyApiStub.owner("PM-" + run + "-" + i, TestData.mobile(run + i), now.plusSeconds(1 + i / 2)));
        }
        String companyPhone = TestData.mobile(run + "company");
        api.owners.add(PropertyApiStub.owner("PM-" + run + "-company", companyPhone, now.plusSeconds(1))
                .put("fullName", "杭州市蓝海文化传播有限公司").put("idCard", "91330100MA2CFL4X7N"));

        JsonNode moved = hub.awaitCustomerWithPhone(movedPhone,
                c -> HubClient.facts(c, "ARREARS").size() == 1 && HubClient.facts(c, "ARREARS").get(0).get("data").get("amount").asInt() == 99);
        assertEquals(1, moved.get("sourceRecords").size());
        assertTrue(api.afterOwnersFirstPage == null, "the owner moved during a pass");
        // the credit code is the same every run: the company may have joined an earlier run's
        JsonNode company = hub.awaitCustomerWithPhone(companyPhone, c -> true);
        assertEquals("ORGANIZATION", company.get("kind").asText());
    }

    @Test
    void ownersAndWorkOrdersReachTheCustomerThroughRateLimitsAndBrokenItems() {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run);
        OffsetDateTime now = OffsetDateTime.now().withNano(0);
        long throttledBefore = hub.connectorFigure("property", "throttled");
        api.answerNextWith429 = true;
        for (int i = 0; i < 5; i++) {
            api.owners.add(PropertyApiStub.owner("PM-" + run + "-" + i, TestData.mobile(run + i), now.plusSeconds(i)));
        }
        ObjectNode owner = PropertyApiStub.owner("PM-" + run, phone, now);
        owner.withArray("units").addObject().put("project", "翠湖花园").put("building", "3栋").put("unit", "1502")
                .put("relation", "业主").put("since", "2019-06-01");
        owner.put("arrears", 1200.50);
        api.owners.add(owner);
        api.owners.add(TestData.JSON.createObjectNode().put("ownerId", "PM-" + run + "-broken").put("updatedAt", now.toString()));
        api.workOrders.add(TestData.JSON.createObjectNode().put("orderId", "WO-" + run).put("ownerId", "PM-" + run)
                .put("type", "投诉").put("description", "电梯故障").put("createdAt", now.toString()).putNull("closedAt")
                .put("rating", 2).put("updatedAt", now.toString()));

        JsonNode customer = hub.awaitCustomerWithPhone(phone, c -> HubClient.facts(c, "WORK_ORDER").size() == 1
                && HubClient.facts(c, "UNIT").size() == 1);
        assertEquals("OWNER", HubClient.facts(customer, "UNIT").get(0).get("data").get("relation").asText());
        assertEquals("COMPLAINT", HubClient.facts(customer, "WORK_ORDER").get(0).get("data").get("type").asText());
        assertEquals(1200.5, HubClient.facts(customer, "ARREARS").get(0).get("data").get("amount").asDouble());
        for (int i = 0; i < 5; i++) {
            hub.awaitCustomerWithPhone(TestData.mobile(run + i), 1);
        }
        JsonNode broken = hub.awaitQuarantined("/api/v1/owners updatedSince=");
        assertEquals("fullName is empty", broken.get("reason").asText());
        assertTrue(broken.get("position").asText().contains(" page "), broken.get("position").asText());
        assertTrue(api.rateLimited.get() > 0, "the API answered 429 at least once");
        assertTrue(hub.connectorFigure("property", "throttled") > throttledBefore, "/connectors counts the 429 the connector waited out");
        assertEquals(0, api.rejectedKeys.get(), "every request carried the API key");
    }
}
