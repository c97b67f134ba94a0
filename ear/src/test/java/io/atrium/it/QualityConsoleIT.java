package io.atrium.it;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data-quality page in a real browser: the figures of a source, a snapshot taken with the button, its trend chart. */
class QualityConsoleIT extends DeployedHub {

    @Test
    void anAdministratorTakesASnapshotAndSeesTheSourcesFiguresAndTrend() {
        String source = "it-dqc-" + TestData.runId();
        String phone = TestData.mobile(source);
        assertEquals(202, hub().postRecords(HubClient.APP, TestData.canonicalPerson(source, "P1", "张伟", phone).toString()).status());
        hub().awaitCustomerWithPhone(phone, 1);
        try (ConsoleBrowser browser = new ConsoleBrowser(URI.create(deploymentUrl.toString()))) {
            browser.logIn(HubClient.ADMIN);
            browser.open("quality.html");
            String row = "tr.source[data-source='" + source + "']";
            browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
            List<String> cells = browser.find(row).findElements(By.tagName("td")).stream().map(td -> td.getText()).toList();
            assertEquals(List.of(source, "1", "100.0 %", "100.0 %", "0.0 %"), cells.subList(0, 5), "source, records, name, valid phone, valid ID");

            browser.find("#take-snapshot").click();
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Snapshot taken"));
            browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-trend='" + source + "'] canvas")));
            browser.screenshot("console-quality");
        }
    }

    @Test
    void aViewerReadsTheFiguresButIsOfferedNoSnapshot() {
        try (ConsoleBrowser browser = new ConsoleBrowser(URI.create(deploymentUrl.toString()))) {
            browser.logIn(HubClient.VIEWER);
            assertTrue(browser.navigation().contains("Data quality"), browser.navigation().toString());
            browser.open("quality.html");
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("customers")));
            assertFalse(browser.present("#take-snapshot"), "a snapshot is for administrators");
        }
    }
}
