package io.atrium.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The console in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them), as a person
 * uses it: the login form, the pages, their buttons. Selenium Manager stays off the network (SE_OFFLINE, set by
 * failsafe): the browser and its driver are named here.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final URI console;

    ConsoleBrowser(URI deployment) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("atrium.it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("atrium.it.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--window-size=1500,1100");
        driver = new ChromeDriver(service, options);
        console = deployment.resolve("/hub/");
    }

    /** Opens a console page (relative to /hub/, "" for the start page). */
    void open(String page) {
        driver.get(console.resolve(page).toString());
    }

    /** Logs in through the form the start page asks with, and waits for the page to show who is logged in. */
    void logIn(String credentials) {
        String user = credentials.substring(0, credentials.indexOf(':'));
        open("");
        submitLogin(user, credentials.substring(credentials.indexOf(':') + 1));
        until(ExpectedConditions.textToBe(By.id("user"), user));
    }

    void submitLogin(String user, String password) {
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("#login").click();
    }

    void logOut() {
        find("#logout").click();
        until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    /** The navigation's page titles, once the session is known. */
    List<String> navigation() {
        until(ExpectedConditions.textMatches(By.id("user"), java.util.regex.Pattern.compile(".+")));
        return driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }

    /** In the open confirmation dialog: checks that it asks for a reason before it lets the action go, gives it, confirms. */
    void confirmWithReason(String reason) {
        if (find("#dialog-confirm").isEnabled()) {
            throw new AssertionError("the dialog lets the action go without a reason");
        }
        find("#dialog-reason").sendKeys(reason);
        find("#dialog-confirm").click();
    }

    WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    <T> T until(Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Saves what the browser shows as docs/<name>.png, for README. */
    void screenshot(String name) {
        Path docs = Path.of(System.getProperty("atrium.readme", "../README.md")).toAbsolutePath().getParent().resolve("docs");
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
