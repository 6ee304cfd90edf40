package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.saath.App;
import org.saath.Components;
import org.saath.HeadlessChromium;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.outbox.PartnerEndpoint;

/**
 * The counsellor console end to end in headless Chromium (Debian's package, installed by .ci/run; no browser is
 * downloaded; one browser for the whole run, see {@link HeadlessChromium}): a message escalates, the counsellor signs in, sees it, claims and replies, the person receives the
 * reply while the bot stays silent, and resolving hands the conversation back to the bot.
 */
@ExtendWith(HeadlessChromium.class)
class ConsoleBrowserTest {

    static final Path SCREENSHOT = Path.of("target/console-screenshot.png");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private PartnerEndpoint endpoint;
    private Javalin app;
    private WebDriver browser;

    @BeforeEach
    void start(WebDriver sharedBrowser) throws Exception {
        browser = sharedBrowser;
        endpoint = new PartnerEndpoint("partner-a-webhook-secret");
        app = App.create(Components.load(TestComponents.config(dir.resolve("data"))
                .withPartnersFile(TestPartners.file(dir, endpoint.url(), endpoint.secret()).toString()),
                TestComponents.analyser(), Clock.systemUTC())).start(0);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void a_counsellor_claims_replies_and_hands_back_while_the_bot_stays_silent() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + app.port() + "/console");
        browser.findElement(By.id("key")).sendKeys(TestPartners.KEY_A);
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));

        String escalation = person("i want to kill myself tonight", "m-1").at("/escalation/id").asText();
        By item = By.cssSelector("#queue li[data-id='" + escalation + "']");
        wait.until(ExpectedConditions.elementToBeClickable(item)).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
        waitForPersonToReceive("counsellor has joined");

        assertThat(person("i'm scared to be alone", "m-2").get("replies")).isEmpty();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "scared to be alone"));
        browser.findElement(By.id("reply")).sendKeys("I'm Sara, a counsellor. I'm here with you right now.");
        browser.findElement(By.id("send")).click();
        waitForPersonToReceive("I'm here with you right now");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "here with you right now"));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("resolve")).click();
        waitForPersonToReceive("automated assistant again");
        assertThat(person("ok thank you", "m-3").get("replies")).isNotEmpty();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(item));
    }

    private JsonNode person(String text, String id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/v1/messages")).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("user",
                "u-1", "id", id, "text", text, "country", "PK")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void waitForPersonToReceive(String text) {
        new FluentWait<>(http).withTimeout(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(200))
                .until(client -> {
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + app.port() + "/v1/messages?user=u-1&after=0")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return r.body().contains(text);
                    } catch (java.io.IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                });
    }
}
