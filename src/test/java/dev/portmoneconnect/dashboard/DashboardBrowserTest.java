package dev.portmoneconnect.dashboard;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through Debian's chromedriver
 * by Selenium. An operator switches a connection off and on, runs it and sees the outcome; the
 * screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(28)
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    FakePortmone portmone;
    GreenMail mail;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser test needs Debian's Chromium and its driver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorSwitchesAConnectionOffAndOnRunsItAndSeesTheOutcome() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        Api.post("preview-orders", Map.of("id", "BR-1", "name", "Bohdan Browser", "email", "bohdan@example.com",
                "amount", "250"));

        open("?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Connections");
        shot("1-overview");

        card().findElement(By.cssSelector("button[data-action=switch]")).click();
        await(() -> state().equals("off"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .contains("Connection preview-orders switched off");
        assertThat(Api.connection("preview-orders").getBoolean("enabled")).isFalse();
        shot("2-switched-off");

        card().findElement(By.cssSelector("button[data-action=switch]")).click();
        await(() -> state().equals("on"));
        assertThat(Api.connection("preview-orders").getBoolean("enabled")).isTrue();

        card().findElement(By.cssSelector("button[data-action=run]")).click();
        await(() -> browser.getCurrentUrl().contains("/runs/"));
        // the run page reloads itself while the run goes on
        await(() -> !runStatus().equals("RUNNING"));
        assertThat(runStatus()).isEqualTo("SUCCEEDED");
        WebElement record = browser.findElement(By.cssSelector("tr[data-record-key='BR-1']"));
        assertThat(record.getAttribute("data-outcome")).isEqualTo("DELIVERED");
        assertThat(record.getText()).contains("preview-orders_BR-1").contains("Delivered");
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        shot("3-run");

        open("connections/preview-orders");
        assertThat(browser.findElement(By.cssSelector("#runs tbody tr")).getText()).contains("Succeeded");
        shot("4-connection");

        browser.manage().window().setSize(new Dimension(390, 844));
        open("");
        assertThat(card().isDisplayed()).isTrue();
        shot("5-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void open(String path) {
        browser.get(base.toString() + path);
    }

    private WebElement card() {
        return browser.findElement(By.id("connection-preview-orders"));
    }

    private String state() {
        return card().findElement(By.cssSelector("[data-state]")).getAttribute("data-state");
    }

    private String runStatus() {
        return browser.findElement(By.id("run-status")).getAttribute("data-status");
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private static void shot(String name) throws IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
