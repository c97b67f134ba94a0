package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer value page in a real browser: the matrix's counts as the API gives them, a hand-worked customer in
 * its cell and among those at risk with its reason, the distributions charted, the recompute started by an
 * administrator and not offered to a viewer; a segment's size and chart and a campaign's results as the API gives them.
 */
class AnalyticsConsoleIT extends DeployedHub {

    private static final List<String> CELLS = List.of("HIGH_HIGH", "HIGH_LOW", "LOW_HIGH", "LOW_LOW");
    private static final ZoneId GROUP_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int TENANTS = 4;

    @Test
    void anAdministratorFindsATenantWhoseLeaseEndsSoonInItsCellAndAtRiskAndRecomputes() throws Exception {
        HubClient hub = hub();
        String run = TestData.runId();
        String customerId = CustomerValueIT.tenantWhoseLeaseEndsSoon(hub, run, TestData.rareName(run), TestData.mobile(run));
        // worked out in CustomerValueIT: current 40 + 5 + 18 = 63, potential 30 (its lease ends within six months)
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> hub.get("customers/" + customerId + "/value", HubClient.VIEWER).json().path("currentValue").asInt() == 63);

        try (ConsoleBrowser browser = browser()) {
            browser.logIn(HubClient.ADMIN);
            assertTrue(browser.navigation().contains("Customer value"), browser.navigation().toString());
            browser.open("analytics.html");
            browser.find("td.cell[data-cell='HIGH_HIGH'] strong.customers");
            // the page shows the API's counts (clicking Refresh while intake elsewhere still moves them)
            browser.until(d -> {
                boolean same = pageMatrix(browser).equals(apiMatrix(hub));
                if (!same) browser.find("#refresh").click();
                return same;
            });

            browser.find("td.cell[data-cell='HIGH_HIGH']").click();
            List<String> cells = texts(onSomePage(browser, "#cell-customers", customerId).findElements(By.tagName("td")));
            assertEquals(List.of(customerId, "63", "30", "HIGH_HIGH", "60", "0", "lease ending without renewal"), cells);
            List<Integer> values = browser.driver.findElements(By.cssSelector("#cell-customers td.current")).stream()
                    .map(td -> Integer.parseInt(td.getText())).toList();
            assertEquals(values.stream().sorted(Comparator.reverseOrder()).toList(), values, "highest current value first");
            onSomePage(browser, "#at-risk", customerId); // listed among those at risk

            browser.find("[data-histogram='satisfaction'] canvas");
            browser.find("[data-histogram='loyalty'] canvas");
            JsonNode distribution = hub.get("analytics/distribution", HubClient.VIEWER).json();
            long satisfied = 0;
            for (JsonNode bucket : distribution.get("satisfaction")) {
                satisfied += bucket.get("customers").asLong();
            }
            assertEquals(distribution.get("customers").asLong(), satisfied, distribution.toString());
            assertTrue(distribution.get("satisfaction").get(6).get("customers").asLong() >= 1, "its 60 is counted from 60 to 69");

            Instant clicked = Instant.now().minusSeconds(1);
            browser.find("#recompute-button").click();
            WebElement confirm = browser.find("#dialog-confirm");
            assertFalse(browser.driver.findElement(By.id("dialog-reason")).isDisplayed(), "a recompute takes no reason");
            confirm.click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(90))
                    .until(ExpectedConditions.textMatches(By.id("recompute-state"), Pattern.compile("^finished")));
            JsonNode progress = hub.get("analytics/recompute", HubClient.VIEWER).json();
            assertFalse(Instant.parse(progress.get("startedAt").asText()).isBefore(clicked), progress.toString());
            assertEquals(progress.get("customers").asText(), browser.find("#recompute-customers").getText());
            browser.screenshot("console-analytics");

            browser.find("#at-risk tr.scored[data-customer='" + customerId + "'] a").click();
            browser.until(ExpectedConditions.textToBe(By.id("customer-id"), customerId));
        }
    }

    @Test
    void aViewerReadsTheMatrixButIsOfferedNoRecompute() {
        try (ConsoleBrowser browser = browser()) {
            browser.logIn(HubClient.VIEWER);
            assertTrue(browser.navigation().contains("Customer value"), browser.navigation().toString());
            browser.open("analytics.html");
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("scored")));
            browser.find("#recompute-state");
            assertFalse(browser.present("#recompute-button"), "a recompute is for administrators");
        }
    }

    @Test
    void aViewerSeesASegmentsSizeAndChartAndACampaignsResultsAsTheApiGivesThem() {
        HubClient hub = hub();
        String run = TestData.runId();
        String project = "P" + run;
        LocalDate today = LocalDate.now(GROUP_ZONE);
        List<String> customers = CampaignReturnIT.scoredTenants(hub, run, project, TENANTS);
        String segment = "console-" + run;
        CampaignReturnIT.projectSegment(hub, segment, project, TENANTS);

        ObjectNode request = CampaignReturnIT.campaignRequest("Console offer " + run, segment, 1_000, 0.5);
        HubClient.Response recorded = hub.postJson("campaigns", HubClient.ADMIN, request.toString());
        assertEquals(201, recorded.status(), recorded.body());
        long id = recorded.json().get("id").asLong();
        // a targeted tenant leases again within the window, so the results are not all zero
        JsonNode targeted = hub.get("campaigns/" + id + "/members?heldOut=false", HubClient.VIEWER).json().get("members").get(0);
        int index = customers.indexOf(targeted.get("customerId").asText());
        LeaseExports.drop(List.of(CampaignReturnIT.newLease(run, index, project, today.minusDays(10))));
        JsonNode[] answer = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            answer[0] = hub.get("campaigns/" + id + "/results", HubClient.VIEWER).json();
            return answer[0].get("targeted").get("leases").asInt() == 1;
        });
        JsonNode results = answer[0];
        long members = hub.get("segments/" + segment, HubClient.VIEWER).json().get("members").asLong();

        try (ConsoleBrowser browser = browser()) {
            browser.logIn(HubClient.VIEWER);
            browser.open("analytics.html");
            String card = "article.segment[data-segment='" + segment + "']";
            assertEquals(String.valueOf(members), browser.find(card + " strong.members").getText());
            assertEquals("project = '" + project + "'", browser.find(card + " code.rule").getText());
            browser.find("[data-segment-history='" + segment + "'] canvas");
            assertTrue(browser.find(card + " a.csv").getAttribute("href").endsWith("/api/segments/" + segment + "/members.csv"));

            String row = "tr.campaign[data-campaign='" + id + "'] td.";
            assertEquals(money(results.get("cost")), browser.find(row + "cost").getText());
            assertEquals(results.get("from").asText() + " to " + results.get("to").asText(), browser.find(row + "window").getText());
            assertEquals(results.get("complete").asBoolean() ? "yes" : "not yet", browser.find(row + "complete").getText());
            for (String part : List.of("targeted", "holdout")) {
                JsonNode figures = results.get(part);
                assertEquals(figures.get("members").asText() + ", " + String.format(Locale.ROOT, "%.1f %%", figures.get("responseRate").asDouble() * 100),
                        browser.find(row + part).getText());
                assertEquals(money(figures.get("revenue")), browser.find(row + part + "-revenue").getText());
            }
            assertEquals(money(results.get("incrementalRevenue")), browser.find(row + "incremental-revenue").getText());
            assertEquals(String.format(Locale.ROOT, "%.2f", results.get("returnOnCost").asDouble()), browser.find(row + "return-on-cost").getText());
        }
        assertEquals(204, hub.delete("segments/" + segment, HubClient.ADMIN).status());
    }

    /** An amount as the page shows it: 216,000.00. */
    private static String money(JsonNode amount) {
        return String.format(Locale.US, "%,.2f", amount.decimalValue());
    }

    private static Map<String, String> pageMatrix(ConsoleBrowser browser) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (String cell : CELLS) {
            WebElement element = browser.driver.findElement(By.cssSelector("td.cell[data-cell='" + cell + "']"));
            counts.put(cell, element.findElement(By.cssSelector("strong.customers")).getText() + " / "
                    + element.findElement(By.cssSelector("small.at-risk")).getText());
        }
        return counts;
    }

    private static Map<String, String> apiMatrix(HubClient hub) {
        Map<String, String> counts = new LinkedHashMap<>();
        hub.get("analytics/value-matrix", HubClient.VIEWER).json().get("cells")
                .forEach(c -> counts.put(c.get("cell").asText(), c.get("customers").asLong() + " / " + c.get("atRisk").asLong() + " at risk"));
        return counts;
    }

    /** The suite's other customers may outrank this one: the list turns its pages until the customer's row shows. */
    private static WebElement onSomePage(ConsoleBrowser browser, String list, String customerId) {
        String row = list + " tr.scored[data-customer='" + customerId + "']";
        while (true) {
            String first = browser.find(list + " tr.scored").getAttribute("data-customer");
            if (browser.present(row)) {
                return browser.find(row);
            }
            WebElement next = browser.find(list + " button[data-action='next']");
            assertTrue(next.isEnabled(), customerId + " is on no page of " + list);
            next.click();
            browser.until(d -> !first.equals(browser.find(list + " tr.scored").getAttribute("data-customer")));
        }
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private ConsoleBrowser browser() {
        return new ConsoleBrowser(URI.create(deploymentUrl.toString()));
    }
}
