package dev.nce.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.stack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21: the web console in a real browser (Debian's chromium and chromium-driver, headless; nothing is downloaded)
 * against the running e2e stack: sign in, today's deadlines after a purchase, a reduction inside the window that
 * changes the refundable count, the renewal calendar with the 2025 P1Y/MONTHLY uplift price (R-A4: 20.00 -> 21.00),
 * an invoice run followed to COMPLETED, and an invoice PDF. Each step saves a screenshot under target/console/.
 * Ordered after the fresh-restart class: the clock is at 2023-03-02 then (2022-01-01 when run alone).
 */
@ExtendWith({E2EStack.class, WallTime.class})
@Order(95)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserJourneyTest {

    static final String OFFER = "CFQ7TTC0CNSL:0001";
    static final Path SHOTS = Path.of("target", "console");

    static WebDriver browser;
    static WebDriverWait wait;
    static String console;
    static String customerId;
    static String subscriptionId;

    @BeforeAll
    static void setUp() throws IOException {
        Journeys.offer(OFFER, "Console Suite", List.of("P1Y/MONTHLY", "P1Y/ANNUAL"), Map.of("USD", "20.00"), null);
        Journeys.advance(Instant.parse("2024-06-03T09:00:00Z"));
        customerId = Journeys.customer("Console Contoso", "USD");
        subscriptionId = Journeys.purchase(customerId, OFFER, "P1Y", "MONTHLY", 10).getString("subscriptionId");
        console = E2EStack.url(Service.CONSOLE);
        Files.createDirectories(SHOTS);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(200));
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void sign_in_and_see_todays_window_closing_after_the_purchase() {
        browser.get(console + "/today");
        // not signed in: the sign-in form
        wait.until(ExpectedConditions.urlContains("/login"));
        new Select(browser.findElement(By.id("role"))).selectByValue("partner-admin");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/today"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "tr.deadline[data-kind='WINDOW_CLOSING'][data-subscription='" + subscriptionId + "']")));
        assertThat(row.findElement(By.cssSelector(".refundable")).getText()).isEqualTo("10");
        assertThat(row.getText()).contains("Console Contoso").contains("Console Suite");
        // 168 h from the purchase at 2024-06-03T09:00Z, counted from the platform clock
        assertThat(row.findElement(By.cssSelector(".countdown")).getText()).isEqualTo("in 7 d 0 h");
        assertThat(row.findElement(By.cssSelector("time")).getAttribute("title")).isEqualTo("UTC 2024-06-10T09:00:00Z");
        shot("1-today");
    }

    @Test
    @Order(2)
    void reduce_seats_inside_the_window_and_see_the_refundable_count_change() {
        browser.get(console + "/customers/" + customerId);
        String card = "#sub-" + subscriptionId;
        assertThat(browser.findElement(By.cssSelector(card + " .refundable")).getText()).isEqualTo("10");
        WebElement seats = browser.findElement(By.id("seats-" + subscriptionId));
        seats.clear();
        seats.sendKeys("3");
        browser.findElement(By.cssSelector(card + " button.reduce")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(card + " .refundable"), "7"));
        assertThat(browser.findElement(By.cssSelector(card + " .quantity")).getText()).isEqualTo("7");
        assertThat(browser.findElement(By.cssSelector(card + " .result")).getText())
                .isEqualTo("Removed 3 seat(s): quantity 7, refundable now 7.");
        shot("2-customer-reduced");
    }

    @Test
    @Order(3)
    void the_renewal_calendar_shows_the_2025_uplift_price() {
        browser.get(console + "/renewals?month=2025-06");
        WebElement day = browser.findElement(By.cssSelector("#calendar td[data-date='2025-06-03']"));
        assertThat(day.getText()).contains("Console Contoso: 21.00 USD");
        WebElement row = browser.findElement(By.id("r-" + subscriptionId));
        assertThat(row.findElement(By.cssSelector(".current-price")).getText()).isEqualTo("20.00 USD");
        assertThat(row.findElement(By.cssSelector(".renewal-price")).getText()).isEqualTo("21.00 USD");
        // (21.00 - 20.00) x 7 seats
        assertThat(row.findElement(By.cssSelector(".delta")).getText()).isEqualTo("7.00");
        assertThat(row.getText()).contains("2025-05-04");   // notice deadline: 30 days before
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !!(window.Chart && Chart.getChart(document.getElementById('renewal-chart')));")));
        shot("3-renewals-2025-06");
    }

    @Test
    @Order(4)
    void follow_the_june_invoice_run_to_completed_and_open_the_invoice_pdf() throws Exception {
        // billing creates the June run on 2024-07-01; Journeys.advance waits until billing's clock is there
        Journeys.advance(Instant.parse("2024-07-01T06:00:00Z"));
        browser.get(console + "/invoice-runs");
        By run = By.cssSelector("tr.run[data-period='2024-06']");
        wait.until(d -> {
            if (d.findElements(run).isEmpty()) {
                d.navigate().refresh();
                return false;
            }
            return true;
        });
        WebElement row;
        // a RUNNING row polls itself (htmx every 2 s) until the run is COMPLETED
        wait.until(d -> "COMPLETED".equals(d.findElement(run).getAttribute("data-status")));
        row = browser.findElement(run);
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("COMPLETED");
        assertThat(row.getText()).contains("none");   // no missing customers
        String tasks = row.findElement(By.cssSelector(".tasks")).getText();
        assertThat(tasks).matches("(\\d+) / \\1 tasks");
        shot("4-invoice-run-completed");

        browser.get(console + "/invoice-runs?q=Console+Contoso");
        WebElement pdf = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#invoice-search a.pdf")));
        String href = pdf.getAttribute("href");
        String cookie = browser.manage().getCookieNamed("nce_console_token").getValue();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "nce_console_token=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(r.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        shot("5-invoice-search");
        pdf.click();
        Thread.sleep(1500);
        shot("6-invoice-pdf");
    }

    private static void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
