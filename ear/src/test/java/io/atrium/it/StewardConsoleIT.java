package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stewards' page in a real browser against the real hub: a review pair shown side by side with its evidence,
 * accepted (the two customers become one) and undone from the audit trail, or rejected (kept apart, off the queue);
 * a record split out with a block; the API's refusal shown with its reason; the page for administrators only.
 * The results are checked through the API. A screenshot of the queue goes to docs/ for README.
 */
class StewardConsoleIT extends DeployedHub {

    private StewardRecords records;
    private HubClient hub;

    @BeforeEach
    void setUp() {
        records = new StewardRecords(hub());
        hub = records.hub;
    }

    @Test
    void anAdminAcceptsAReviewPairInTheBrowserAndTheTwoCustomersBecomeOneUntilTheAcceptIsUndone() {
        Pair pair = reviewPair();
        try (ConsoleBrowser browser = adminOnTheStewardsPage()) {
            assertTrue(browser.navigation().contains("Stewards"), "an administrator is offered the page");
            WebElement shown = browser.find(pair.article());
            assertTrue(browser.present(pair.article() + " tr.differs[data-field='phones']"), "the differing phones are marked");
            assertFalse(browser.present(pair.article() + " tr.differs[data-field='name']"), "the same name is not");
            assertTrue(shown.findElement(By.cssSelector("tr[data-field='NAME'] .for .bar")).isDisplayed(), "a shared rare name counts for");
            assertTrue(shown.getText().contains(records.uniqueName(1)), "an administrator sees the records whole");
            browser.screenshot("console-stewards");

            browser.find(pair.article() + " button[data-action='accept']").click();
            browser.confirmWithReason("StewardConsoleIT: same person, same birth date");
            browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(pair.article()), 0));
            JsonNode merged = hub.awaitCustomerWithPhone(pair.phoneA(), 2);
            assertEquals(merged.get("id"), hub.awaitCustomerWithPhone(pair.phoneB(), 2).get("id"), "both records answer one customer");

            String accepted = "tr.action[data-type='ACCEPT']";
            WebElement entry = browser.find(accepted);
            assertTrue(entry.getText().contains("StewardConsoleIT: same person, same birth date"), entry.getText());
            assertTrue(entry.getText().contains(merged.get("id").asText()), "the customer after: " + entry.getText());
            String action = entry.getDomAttribute("data-action-id");
            browser.find(accepted + " button[data-action='undo']").click();
            browser.confirmWithReason("StewardConsoleIT: undo to check the restore");
            browser.until(ExpectedConditions.textMatches(By.cssSelector("tr.action[data-action-id='" + action + "']"),
                    java.util.regex.Pattern.compile("undone by \\d+")));
            assertTrue(browser.driver.findElements(By.cssSelector("tr.action[data-action-id='" + action + "'] button[data-action='undo']"))
                    .stream().noneMatch(WebElement::isDisplayed), "an undone decision is not offered again");
        }
        assertNotEquals(hub.awaitCustomerWithPhone(pair.phoneA(), 1).get("id"), hub.awaitCustomerWithPhone(pair.phoneB(), 1).get("id"),
                "apart again");
        assertNotNull(records.pendingPair(pair.phoneA()), "the pair is back in the queue");
    }

    @Test
    void aRejectedPairLeavesTheQueueAndItsCustomersStayApart() {
        Pair pair = reviewPair();
        try (ConsoleBrowser browser = adminOnTheStewardsPage()) {
            browser.find(pair.article() + " button[data-action='reject']").click();
            browser.confirmWithReason("StewardConsoleIT: siblings");
            browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(pair.article()), 0));
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr.action[data-type='REJECT']"),
                    "StewardConsoleIT: siblings"));
        }
        assertNull(records.pendingPair(pair.phoneA()), "off the queue");
        assertNotEquals(hub.awaitCustomerWithPhone(pair.phoneA(), 1).get("id"), hub.awaitCustomerWithPhone(pair.phoneB(), 1).get("id"));
    }

    @Test
    void aRecordIsSplitOutWithABlockAndARefusedSplitShowsTheApisReason() {
        String phone = TestData.mobile(records.run);
        String name = records.uniqueName(2);
        records.post(records.person("A", name, phone));
        records.post(records.person("B", name, phone));
        hub.awaitCustomerWithPhone(phone, 2);

        try (ConsoleBrowser browser = adminOnTheStewardsPage()) {
            split(browser, "B");
            assertTrue(browser.find("#split-block").isSelected(), "a split blocks by default");
            browser.find("#split-record").click();
            browser.confirmWithReason("StewardConsoleIT: B is the son, same phone");
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr.action[data-type='SPLIT']"),
                    "StewardConsoleIT: B is the son, same phone"));
            assertEquals(List.of(1, 1), hub.customersWithPhone(phone).stream().map(c -> c.get("sourceRecords").size()).toList(),
                    "B has a customer of its own");

            // B is now its customer's only record: the hub refuses, and the dialog says why
            split(browser, "B");
            browser.find("#split-record").click();
            browser.confirmWithReason("StewardConsoleIT: again");
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dialog-error"), "HTTP 409"));
            assertTrue(browser.find("#dialog-error").getText().contains("nothing to split"), browser.find("#dialog-error").getText());
        }
    }

    @Test
    void anOperatorOrViewerIsNotOfferedTheStewardsPageAndTheServerRefusesIt() {
        for (String credentials : List.of(HubClient.OPERATOR, HubClient.VIEWER)) {
            try (ConsoleBrowser browser = browser()) {
                browser.logIn(credentials);
                assertFalse(browser.navigation().contains("Stewards"), credentials + " is offered the stewards' page");
                browser.open("stewards.html");
                browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "your role may not do this"));
            }
        }
    }

    /** A review pair of this run: its records' phones, and its place on the page. */
    private record Pair(String phoneA, String phoneB, String article) {
    }

    private Pair reviewPair() {
        String phoneA = TestData.mobile(records.run + "a");
        String phoneB = TestData.mobile(records.run + "b");
        long link = records.reviewPair(phoneA, phoneB).get("linkId").asLong();
        return new Pair(phoneA, phoneB, "article.review[data-link='" + link + "']");
    }

    private ConsoleBrowser browser() {
        return new ConsoleBrowser(URI.create(deploymentUrl.toString()));
    }

    private ConsoleBrowser adminOnTheStewardsPage() {
        ConsoleBrowser browser = browser();
        try {
            browser.logIn(HubClient.ADMIN);
            browser.open("stewards.html");
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    private void split(ConsoleBrowser browser, String sourceId) {
        browser.find("#split-source").clear();
        browser.find("#split-source").sendKeys(records.source);
        browser.find("#split-source-id").clear();
        browser.find("#split-source-id").sendKeys(sourceId);
    }
}
