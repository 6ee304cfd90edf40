package org.saath.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.saath.HeadlessChromium;
import org.saath.HttpCalls;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.outbox.MutableClock;

/**
 * The impact page in headless Chromium: a partner's administrator signs in with the partner key and sees the
 * anonymous counts as numbers, tables and uPlot charts, small counts as "&lt;5"; every script, style and chart library
 * comes from the service itself, under a Content-Security-Policy the page never violates.
 */
@ExtendWith(HeadlessChromium.class)
class ImpactPageBrowserTest {

    static final Path SCREENSHOT = Path.of("target/impact-screenshot.png");

    @TempDir
    Path dir;
    private Javalin app;
    private HttpCalls calls;
    private final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void start() throws Exception {
        app = TestComponents.startWithPartners(dir, clock);
        calls = new HttpCalls(app, dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void a_partner_administrator_sees_the_counts_as_charts_from_the_jar_without_breaking_the_csp(WebDriver browser)
            throws Exception {
        for (int i = 0; i < 6; i++) {
            calls.message("person-" + i, "m-" + i, "hello", "PK");
        }
        String first = HttpCalls.json(calls.message("person-7", "m-7", "i want to kill myself", "PK"))
                .at("/escalation/id").asText();
        calls.message("person-8", "m-8", "i want to end my life tonight", "PK");
        calls.post("/v1/partner/escalations/" + first + "/claim", null, TestPartners.KEY_A);
        clock.advance(Duration.ofDays(1));              // a report holds whole past days only
        browser.manage().logs().get(LogType.BROWSER);   // start from an empty browser console

        browser.get(url("/impact"));
        browser.findElement(By.id("key")).sendKeys(TestPartners.KEY_A);
        browser.findElement(By.cssSelector("#signin-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.tagName("body"),
                "data-ready", "true"));

        // 8 messages of 8 people, 6 of them greetings: rounded to the nearest 5
        assertThat(measure(browser, "turns")).isEqualTo("10");
        assertThat(measure(browser, "conversations")).isEqualTo("10");
        assertThat(measure(browser, "escalations")).isEqualTo("<5");
        assertThat(measure(browser, "claims")).isEqualTo("<5");
        assertThat(browser.findElement(By.id("topics")).getText()).contains("greeting", "5", "crisis", "<5")
                .doesNotContain("6");
        assertThat(browser.findElement(By.id("escalations")).getText()).contains("offered", "claimed");
        for (String chart : List.of("chart-days", "chart-hours", "chart-waits")) {
            assertThat(browser.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).hasSize(1);
            assertThat(browser.findElement(By.cssSelector("#" + chart + " canvas")).getSize().getWidth())
                    .as(chart).isGreaterThan(300);
        }
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        assertThat(resources).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith(url("/")))
                .anySatisfy(r -> assertThat(r).contains("/webjars/uplot/"));
        // no inline script or style element (uPlot sizes its elements through the CSSOM, which a CSP allows)
        assertThat(browser.findElements(By.cssSelector("script:not([src]), style"))).isEmpty();
        List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console).noneSatisfy(e -> assertThat(e.getLevel()).isEqualTo(java.util.logging.Level.SEVERE));
    }

    @Test
    void the_page_is_served_with_a_policy_that_allows_scripts_from_the_service_only_and_a_wrong_key_is_refused(
            WebDriver browser) {
        HttpResponse<String> page = calls.get("/impact", null);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "default-src 'none'", "frame-ancestors 'none'");
        assertThat(calls.get("/v1/partner/impact?since=30d", "not-a-key").statusCode()).isEqualTo(401);
        assertThat(calls.get("/v1/partner/impact?since=forever", TestPartners.KEY_A).statusCode()).isEqualTo(400);

        browser.get(url("/impact"));
        browser.findElement(By.id("key")).sendKeys("not-a-key");
        browser.findElement(By.cssSelector("#signin-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("error"), "not accepted"));
        assertThat(browser.findElement(By.id("report")).isDisplayed()).isFalse();
    }

    private static String measure(WebDriver browser, String name) {
        return browser.findElement(By.cssSelector("dd[data-measure='" + name + "']")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + app.port() + path;
    }
}
