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
import org.openqa.selenium.JavascriptExecutor;
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
import java.util.List;
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

    @Test
    void noPageOverflowsAt1280PixelsAndAUkrainianPageShowsNoEnglishReason() throws Exception {
        portmone.reset();
        Api.post("preview-orders", List.of(
                Api.order("BR-GOOD", "Богдана Браузер", "bohdana@example.com", "1250.5"),
                Api.order("BR-AMOUNT", "Олег Сума", "oleh@example.com", "abc"),
                Api.order("BR-NOMAIL", "Ірина Безпошти", "", "10"),
                Api.order("BR-TWO", "Петро Двічі", "not-an-address", "0"),
                Api.order("BR-LONG-" + "X".repeat(90), "Дуже Довге Ім'я " + "Ж".repeat(150), "long@example.com", "5")));
        String runId = Api.run("preview-orders").getString("id");

        for (String language : List.of("uk", "en")) {
            for (String path : List.of("?lang=" + language, "connections/preview-orders?lang=" + language,
                    "runs/" + runId + "?lang=" + language)) {
                open(path);
                assertThat(overflowing()).as("what overflows %s at 1280 px", path).isEmpty();
                shot("1280-" + language + "-" + path.replaceAll("[^a-z]+", "-"));
            }
        }

        open("runs/" + runId + "?lang=uk");
        List<String> reasons = browser.findElements(By.cssSelector("#records td.reason .reason-text")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
        assertThat(reasons).hasSize(3);
        assertThat(String.join("\n", reasons)).contains("сума: це не сума: 'abc'")
                .contains("e-mail платника: обов’язкове для доставки e-mail")
                .contains("e-mail платника: це не адреса e-mail: 'not-an-address'; сума: має бути більшою за нуль: '0'");
        reasons.forEach(reason -> assertThat(reason).as("reason on a Ukrainian page").matches(ReasonWords::ukrainian));
        open("connections/preview-orders?lang=uk");
        browser.findElements(By.cssSelector("#failed-records td.reason .reason-text")).forEach(cell ->
                assertThat(cell.getText()).as("reason on a Ukrainian page").matches(ReasonWords::ukrainian));
        assertThat(browser.findElements(By.cssSelector("#failed-records td.reason .reason-text"))).isNotEmpty();

        // a refused preview and an invalid sample, in Ukrainian too
        browser.findElement(By.id("preview-sample")).sendKeys("{not json");
        browser.findElement(By.cssSelector("button[data-action=preview]")).click();
        await(() -> !browser.findElements(By.cssSelector(".error")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".error")).getText()).contains("тіло запиту: це не коректний JSON");
        browser.findElement(By.id("preview-sample")).clear();
        browser.findElement(By.id("preview-sample")).sendKeys("{\"id\": \"PV-UK\", \"name\": \"Ганна\", \"email\":"
                + " \"hanna@example\", \"amount\": \"1.234,56\"}");
        browser.findElement(By.cssSelector("button[data-action=preview]")).click();
        await(() -> !browser.findElements(By.cssSelector("section[data-valid=false]")).isEmpty());
        List<String> previewReasons = browser.findElements(By.cssSelector("ul.errors li.reason")).stream()
                .map(WebElement::getText).toList();
        assertThat(previewReasons).containsExactly("e-mail платника: це не адреса e-mail: 'hanna@example'",
                "сума: це не сума: '1.234,56'");
        assertThat(overflowing()).isEmpty();
        shot("1280-uk-preview");
    }

    /** The elements wider than their box at the window's width, and the buttons pushed out of view. */
    @SuppressWarnings("unchecked")
    private static List<String> overflowing() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const width = document.documentElement.clientWidth;
                const found = [];
                if (document.documentElement.scrollWidth > width) found.push('the page: ' + document.documentElement.scrollWidth);
                document.querySelectorAll('main, .card, .table, table, .grid').forEach(e => {
                  if (e.scrollWidth > e.clientWidth + 1) found.push(e.tagName + '#' + e.id + '.' + e.className
                      + ': ' + e.scrollWidth + ' > ' + e.clientWidth);
                });
                document.querySelectorAll('button').forEach(b => {
                  const box = b.getBoundingClientRect();
                  if (box.width > 0 && box.right > width) found.push('button ' + b.textContent + ' at ' + box.right);
                });
                return found;""");
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
