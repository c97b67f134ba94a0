package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in a real browser against the real hub: the form login and what an operator is shown (a
 * viewer's console: CustomerConsoleIT), the operations dashboard with every connector, failed work replayed and
 * discarded (with a reason) with the buttons, a route stopped and started again. Screenshots of the main screens go to docs/ for README.
 */
class ConsoleIT extends DeployedHub {

    private static final List<String> CONNECTORS = List.of("sales", "leasing", "property", "membership", "service", "canonical");

    @Test
    void anAnonymousVisitorGetsTheLoginPageWhileTheApiStillChallengesMachines() {
        try (ConsoleBrowser browser = browser()) {
            browser.open("");
            browser.find("#username");
            browser.screenshot("console-login");
            browser.open("failed.html");
            browser.find("#username");

            browser.submitLogin("operator", "wrong");
            assertEquals("Wrong user or password.", browser.find("#login-failed").getText());
        }
        HubClient.Response anonymous = hub().get("connectors", null);
        assertEquals(401, anonymous.status(), "the API answers machines, never with the login page: " + anonymous.body());
        assertTrue(anonymous.json().get("error").asText().contains("HTTP Basic"), anonymous.body());
        assertEquals(200, hub().get("connectors", HubClient.VIEWER).status(), "Basic still logs machine clients in");
    }

    @Test
    void anOperatorSeesEveryConnectorAndTheOverallStateOnTheDashboard() {
        try (ConsoleBrowser browser = browser()) {
            browser.logIn(HubClient.OPERATOR);
            assertEquals(List.of("Operations", "Failed work", "Customers", "Data quality", "Customer value"), browser.navigation());
            everyConnectorIsShown(browser);
            String overall = hub().get("health", null).json().get("status").asText();
            browser.until(ExpectedConditions.textToBe(By.id("overall-state"), overall));
            browser.screenshot("console-dashboard");
        }
    }

    @Test
    void aPoisonedItemAppearsInFailedWorkAndIsReplayedOrDiscardedWithTheButtons() throws Exception {
        HubClient hub = hub();
        String run = TestData.runId();
        String phone = TestData.mobile(run + "console");
        String parked = DeadLetterIT.parkAsArtemisWould(TestData.canonicalPerson("console-test", "C-" + run, "李娜", phone));
        String file = "console-" + run + ".jsonl";
        Path inbox = TestData.serverData().resolve("atrium/inbox/canonical");
        TestData.drop(inbox, file, "{\"source\":\"console-" + run + "\",\"sourceId\":\"Q-1\",\"phones\":[\"" + phone
                + "\"],\"birthDate\":\"15/07/1985\"}\n", StandardCharsets.UTF_8);
        long quarantined = hub.awaitQuarantined(file + " line 1").get("id").asLong();

        try (ConsoleBrowser browser = browser()) {
            browser.logIn(HubClient.OPERATOR);
            browser.open("failed.html");
            WebElement parkedRow = browser.find("#dlq tr.item[data-item='" + parked + "']");
            String content = parkedRow.getDomProperty("textContent");
            assertTrue(content.contains(phone.substring(phone.length() - 4)), content);
            assertFalse(content.contains(phone) || content.contains("李娜"), "content is masked: " + content);
            WebElement quarantinedRow = browser.find("#quarantine tr.item[data-item='" + quarantined + "']");
            assertTrue(quarantinedRow.getText().contains(file + " line 1"), quarantinedRow.getText());
            assertTrue(causes(browser).contains("invalid value for field 'birthDate'"), causes(browser).toString());
            browser.screenshot("console-failed-work");

            click(browser, "#dlq tr.item[data-item='" + parked + "'] button[data-action='replay']");
            browser.until(ExpectedConditions.textToBe(By.id("outcome"), "1 replayed"));
            hub.awaitCustomerWithPhone(phone, 1);
            browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#dlq tr.item[data-item='" + parked + "']"), 0));

            String row = "#quarantine tr.item[data-item='" + quarantined + "']";
            click(browser, row + " button[data-action='replay']");
            browser.until(ExpectedConditions.textMatches(By.id("outcome"), java.util.regex.Pattern.compile("0 replayed, 1 not: .*HTTP 422.*")));
            browser.find(row + " button[data-action='discard']").click();
            browser.confirmWithReason("ConsoleIT: a test line");
            browser.until(ExpectedConditions.textToBe(By.id("outcome"), "1 discarded"));
            browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(row), 0));
            String discardedRow = browser.find("#discarded tr[data-item='quarantine-" + quarantined + "']").getText();
            assertTrue(discardedRow.contains("operator") && discardedRow.contains("ConsoleIT: a test line"),
                    "who discarded it and why is shown: " + discardedRow);
        }
        JsonNode discarded = hub.get("quarantine/" + quarantined, HubClient.OPERATOR).json();
        assertEquals("DISCARDED", discarded.get("status").asText());
        assertEquals("operator", discarded.get("closedBy").asText());
        assertEquals("ConsoleIT: a test line", discarded.get("closeReason").asText());
    }

    /** Through the routes API (GET /routes, POST /routes/{id}/stop|start with a reason). */
    @Test
    void aRouteStoppedFromTheConsoleShowsStoppedAndStartsAgain() {
        HubClient hub = hub();
        HubClient.Response routes = hub.get("routes", HubClient.OPERATOR);
        assertEquals(200, routes.status(), routes.body());
        JsonNode leasing = StreamSupport.stream(routes.json().get("routes").spliterator(), false)
                .filter(route -> "leasing".equals(route.get("group").asText()) && "Started".equals(route.get("state").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no started leasing route: " + routes.body()));
        String id = leasing.get("id").asText();
        String row = "tr.route[data-route='" + id + "']";
        try (ConsoleBrowser browser = browser()) {
            browser.logIn(HubClient.OPERATOR);
            browser.find(row);
            browser.find(row + " button[data-action='stop']").click();
            browser.find("#dialog-reason").sendKeys("console test " + id);
            browser.find("#dialog-confirm").click();
            browser.until(ExpectedConditions.textToBe(By.cssSelector(row + " mark.state"), "stopped"));
            assertEquals("Stopped", routeState(hub, id));

            browser.find(row + " button[data-action='start']").click();
            browser.find("#dialog-confirm").click();
            browser.until(ExpectedConditions.textToBe(By.cssSelector(row + " mark.state"), "started"));
            assertEquals("Started", routeState(hub, id));
        } finally {
            if (!"Started".equals(routeState(hub, id))) {
                hub.postJson("routes/" + id + "/start", HubClient.OPERATOR, "{\"reason\":\"ConsoleIT cleanup\"}");
            }
        }
        assertTrue(hub.get("routes/actions?limit=10", HubClient.OPERATOR).body().contains("console test " + id),
                "the stop is audited with its reason");
    }

    private ConsoleBrowser browser() {
        return new ConsoleBrowser(URI.create(deploymentUrl.toString()));
    }

    private static void everyConnectorIsShown(ConsoleBrowser browser) {
        for (String connector : CONNECTORS) {
            browser.find("#connector-" + connector);
        }
    }

    private static List<String> causes(ConsoleBrowser browser) {
        return browser.driver.findElements(By.cssSelector("#quarantine tr.cause td.message")).stream().map(WebElement::getText).toList();
    }

    /** Clicks a button and confirms in the dialog it opens. */
    private static void click(ConsoleBrowser browser, String button) {
        browser.find(button).click();
        browser.find("#dialog-confirm").click();
    }

    private static String routeState(HubClient hub, String id) {
        for (JsonNode route : hub.get("routes", HubClient.OPERATOR).json().get("routes")) {
            if (id.equals(route.get("id").asText())) {
                return route.get("state").asText();
            }
        }
        throw new AssertionError("no route " + id);
    }
}
