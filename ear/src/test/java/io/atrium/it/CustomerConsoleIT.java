package io.atrium.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's customers page in a real browser against the real hub: a viewer lands on it and is offered no
 * operator page; a customer found by phone shows its records from several sources, roles, summary per system,
 * timeline and why, masked for a viewer and whole for an administrator; a merged-away id shows its survivor.
 * Screenshots of the result list and the customer page go to docs/ for README.
 */
class CustomerConsoleIT extends DeployedHub {

    /** Facts on the customer page before "More" (the view's first page of the timeline). */
    private static final int TIMELINE_FIRST_PAGE = 20;

    @Test
    void aViewerLandsOnTheCustomersPageAndIsOfferedNoOperatorPage() {
        try (ConsoleBrowser browser = browser()) {
            browser.logIn(HubClient.VIEWER);
            assertTrue(browser.driver.getCurrentUrl().endsWith("/hub/customers.html"), browser.driver.getCurrentUrl());
            assertEquals(List.of("Customers", "Data quality", "Customer value"), browser.navigation());

            browser.open("index.html");
            browser.until(ExpectedConditions.urlContains("/hub/customers.html"));
            browser.open("failed.html");
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "your role may not do this"));

            browser.open("customers.html");
            browser.logOut();
            browser.open("customers.html");
            browser.find("#username");
        }
    }

    @Test
    void aCustomerFoundByPhoneShowsItsRecordsFromSeveralSourcesRolesSummaryAndWhyMaskedAsTheRoleRequires() throws Exception {
        HubClient hub = hub();
        DirectoryData person = new DirectoryData();
        String member = "M" + person.phone.substring(3); // a member number as the membership system gives them: M and digits
        hub.postRecord(person.person("P-1"));
        List<String> events = new ArrayList<>();
        events.add(CustomerProfileIT.memberEvent("REGISTERED", "2026-01-01T09:00:00+08:00", person.simplifiedName, person.phone,
                member, "SILVER", ""));
        for (int day = 1; day <= TIMELINE_FIRST_PAGE; day++) {
            events.add(CustomerProfileIT.points(person.simplifiedName, person.phone, member, "2026-01-%02dT10:00:00+08:00".formatted(day), day));
        }
        CustomerProfileIT.sendMemberEvents(events.toArray(String[]::new));
        CustomerProfileIT.postTicket(hub, "T-" + person.run, "repair", person.simplifiedName, person.phone, "2026-01-21T09:00:00+08:00", null, null);
        String id = hub.awaitCustomerWithPhone(person.phone, c -> c.get("sourceRecords").size() == 3
                && c.get("summary").get("membership").get("pointsMovements").asInt() == TIMELINE_FIRST_PAGE
                && c.get("summary").get("service").get("tickets").asInt() == 1).get("id").asText();
        String customerRow = "tr.match[data-customer='" + id + "']";

        try (ConsoleBrowser browser = browser()) {
            browser.logIn(HubClient.VIEWER);
            search(browser, person.phone);
            assertEquals("phone", browser.find("#searched-by b").getText());
            WebElement row = browser.find(customerRow);
            String masked = "+86 " + person.phone.substring(0, 3) + "****" + person.phone.substring(7);
            assertTrue(row.getText().contains(masked), "the viewer sees the phone masked: " + row.getText());
            browser.screenshot("console-customers");
            printTimings("search", timings(browser));

            browser.driver.executeScript("performance.clearResourceTimings()");
            browser.find(customerRow + " a").click();
            browser.until(ExpectedConditions.textToBe(By.id("customer-id"), id));
            browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#why .record"), 3));
            List<Map<String, Object>> calls = timings(browser);
            printTimings("customer page", calls);
            theViewAndWhyAreAskedAtOnceAndNothingElse(calls, id);
            browser.driver.navigate().refresh();
            browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#why .record"), 3));
            printTimings("customer page again", timings(browser));

            assertEquals(Set.of(person.source, "membership", "service"), texts(browser, "#why .record h4 mark"));
            assertEquals(List.of("MEMBER", "CALLER"), List.copyOf(textsInOrder(browser, "#roles mark.role")));
            assertTrue(browser.find("#summary dd[data-system='membership']").getText().startsWith("SILVER, points " + TIMELINE_FIRST_PAGE),
                    browser.find("#summary dd[data-system='membership']").getText());
            assertTrue(browser.find("#summary dd[data-system='service']").getText().startsWith("tickets 1, open 1"),
                    browser.find("#summary dd[data-system='service']").getText());
            assertEquals(masked, browser.find("#golden tr[data-field='phone'] td.value").getText());
            for (WebElement record : browser.driver.findElements(By.cssSelector("#why .record"))) {
                assertFalse(record.findElements(By.cssSelector(".link tr[data-field='PHONE'] td.bar span.for")).isEmpty(),
                        "each record is held by a link with the phone's evidence as a bar: " + record.getText());
            }
            String page = browser.driver.getPageSource();
            assertFalse(page.contains(person.phone) || page.contains(person.idNumber) || page.contains(person.simplifiedName),
                    "a viewer is shown no whole personal value");
            browser.screenshot("console-customer");

            theTimelineReadsMoreAndFilters(browser);
            searchByMemberNumberAndRefusedInput(browser, member, id);

            browser.logOut();
            browser.logIn(HubClient.ADMIN);
            browser.open("customers.html");
            search(browser, person.phone);
            String whole = hub.get("customers/" + id, HubClient.ADMIN).json().get("golden").get("phone").get("value").asText();
            assertTrue(whole.endsWith(person.phone), whole);
            assertTrue(browser.find(customerRow).getText().contains(whole), "an administrator sees the phone whole: " + browser.find(customerRow).getText());
            browser.find(customerRow + " a").click();
            browser.until(ExpectedConditions.textToBe(By.cssSelector("#golden tr[data-field='phone'] td.value"), whole));
            assertEquals(person.simplifiedName, browser.find("#customer-name").getText());
        }
    }

    @Test
    void aMergedAwayIdShowsItsSurvivorWithANoteAndAnUnknownIdSaysSo() {
        String run = TestData.runId();
        String[] merged = hub().mergeTwoCustomers("it-" + run, TestData.rareName(run), TestData.mobile(run + "a"), TestData.mobile(run + "b"));
        try (ConsoleBrowser browser = browser()) {
            browser.logIn(HubClient.VIEWER);
            browser.open("customers.html#customer=" + merged[1]);
            browser.until(ExpectedConditions.textToBe(By.id("customer-id"), merged[0]));
            assertEquals(merged[1] + " was merged into " + merged[0] + ": this is the customer it is now part of.",
                    browser.find("#merged-note").getText());
            browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#why .record"), 3));

            browser.open("customers.html#customer=C-none");
            browser.until(ExpectedConditions.textToBe(By.id("customer-error"), "HTTP 404: no customer C-none"));
        }
    }

    private void theTimelineReadsMoreAndFilters(ConsoleBrowser browser) {
        int facts = TIMELINE_FIRST_PAGE + 2; // the points, the membership and the ticket
        assertEquals(TIMELINE_FIRST_PAGE, browser.driver.findElements(By.cssSelector("#timeline tr.fact")).size());
        browser.find("#timeline-more").click();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline tr.fact"), facts));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("timeline-more")));

        new Select(browser.find("#timeline-type")).selectByValue("MEMBERSHIP");
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline tr.fact"), 1));
        assertEquals(1, browser.driver.findElements(By.cssSelector("#timeline tr.fact[data-type='MEMBERSHIP']")).size());
        new Select(browser.find("#timeline-type")).selectByValue("");
        new Select(browser.find("#timeline-source")).selectByValue("service");
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline tr.fact"), 1));
        assertEquals(1, browser.driver.findElements(By.cssSelector("#timeline tr.fact[data-type='TICKET']")).size());
    }

    /** A member number is told from the input; an ID number chosen for digits that are none is refused with the reason. */
    private void searchByMemberNumberAndRefusedInput(ConsoleBrowser browser, String member, String id) {
        browser.open("customers.html");
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("search-birth-date"))); // an empty box is no name
        browser.find("#search-text").sendKeys("张伟");
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-birth-date")));
        search(browser, member.toLowerCase());
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("search-birth-date"))); // a member number is no name
        assertEquals("member number", browser.find("#searched-by b").getText());
        assertEquals("exact", browser.find("tr.match[data-customer='" + id + "'] td.score").getText());

        new Select(browser.find("#search-key")).selectByValue("idNumber");
        search(browser, "1234");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("#results p.error"), "HTTP 400: idNumber is not an ID number"));
    }

    private static void search(ConsoleBrowser browser, String text) {
        WebElement box = browser.find("#search-text");
        box.clear();
        box.sendKeys(text);
        browser.find("#search-button").click();
    }

    /** The API calls the page made, from the browser's Performance API: path, start and end (ms), server timing. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> timings(ConsoleBrowser browser) {
        return (List<Map<String, Object>>) browser.driver.executeScript("""
                return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).map(e => ({
                  path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd,
                  server: e.serverTiming.map(t => t.name + ' ' + t.duration.toFixed(1) + ' ms').join(', ')}))""");
    }

    /** The profile and why start together (neither waits for the other), and the page asks nothing per record. */
    private static void theViewAndWhyAreAskedAtOnceAndNothingElse(List<Map<String, Object>> calls, String id) {
        assertEquals(List.of("/hub/api/customers/" + id, "/hub/api/customers/" + id + "/why"),
                calls.stream().map(call -> (String) call.get("path")).sorted().toList(), calls.toString());
        double firstEnd = calls.stream().mapToDouble(call -> number(call, "end")).min().orElseThrow();
        assertTrue(calls.stream().allMatch(call -> number(call, "start") < firstEnd), "both asked before either answered: " + calls);
    }

    /** Paths and durations only: the search's query (a phone) stays out of the test's output. */
    private static void printTimings(String what, List<Map<String, Object>> calls) {
        calls.forEach(call -> System.out.printf("console timing, %s: %s %.1f ms%s%n", what, call.get("path"),
                number(call, "end") - number(call, "start"), call.get("server").toString().isEmpty() ? "" : " (" + call.get("server") + ")"));
    }

    private static double number(Map<String, Object> call, String field) {
        return ((Number) call.get(field)).doubleValue();
    }

    private static Set<String> texts(ConsoleBrowser browser, String css) {
        return new TreeSet<>(textsInOrder(browser, css));
    }

    private static List<String> textsInOrder(ConsoleBrowser browser, String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private ConsoleBrowser browser() {
        return new ConsoleBrowser(URI.create(deploymentUrl.toString()));
    }
}
