package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.saath.App;
import org.saath.Components;
import org.saath.GenericClient;
import org.saath.TestComponents;

/**
 * The counsellor console end to end in headless Chromium (Debian's package, installed by .ci/run; no browser is
 * downloaded), one test per flow of issue 14. Chromium starts once for the class; each test gets a fresh app and
 * store. Every flow saves a screenshot at 1280 px and at 375 px under {@code target/screenshots/} and checks that
 * the phone layout has no horizontal scroll.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String PASSWORD = "a long enough password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChromeDriver browser;
    private static Path profile;

    @TempDir
    Path dir;
    private Components components;
    private Javalin app;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        profile = Files.createTempDirectory("saath-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required", "--window-size=1280,900", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void start() throws Exception {
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: partner-a, name: Partner A counsellors, countries: [PK], capacity: 4,
                     acceptance-deadline: PT5M, api-key-sha256: %1$s}
                  - {id: partner-b, name: Partner B counsellors, countries: [AE], capacity: 4, api-key-sha256: %1$s}
                  - {id: partner-c, name: Partner C helpline, countries: [PK], capacity: 4, api-key-sha256: %1$s}
                """.formatted(PartnerDirectory.sha256("a-partner-system-key-0123")));
        components = TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(partners.toString()),
                TestComponents.analyser(), Clock.systemUTC());
        app = App.create(components).start(0);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.executeCdpCommand("Network.enable", Map.of());
        online(true);
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.get("about:blank");
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void counsellors_are_people_with_their_own_sign_in_and_lose_it_when_disabled() throws Exception {
        String sara = counsellor("partner-a", "sara", "Sara");
        browser.get(url("/console"));
        browser.findElement(By.id("login")).sendKeys("sara");
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("signin-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), "not accepted"));
        signIn("sara");
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Sara · Partner A counsellors");

        String id = person("u-1", "m-1", "i want to kill myself tonight", "PK").at("/escalation/id").asText();
        open(id);
        click("claim");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(queueItem(id), "held by Sara"));
        assertThat(components.handoffs().events(id)).contains("offered>claimed by counsellor:" + sara);
        screenshots("people");

        components.console().counsellors().disable("sara");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        assertThat(browser.findElement(By.id("signin-error")).getText()).contains("session has ended");
    }

    @Test
    void context_before_the_first_word_transcript_with_consent_risk_over_time_and_local_time() throws Exception {
        counsellor("partner-a", "sara", "Sara");
        String shared = person("u-1", "m-1", "i want to kill myself, call me on 0300-7654321", "PK")
                .at("/escalation/id").asText();
        person("u-1", "m-2", "yes", "PK"); // safe right now; then the consent question
        person("u-1", "m-3", "yes", "PK");
        String closed = person("u-2", "m-1", "i want to end my life", "PK").at("/escalation/id").asText();
        person("u-2", "m-2", "yes", "PK");
        person("u-2", "m-3", "no", "PK");
        signIn("sara");

        open(closed);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("no-consent"), "did not agree"));
        assertThat(browser.findElements(By.cssSelector("#transcript li"))).isEmpty();
        open(shared);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "kill myself"));

        String transcript = browser.findElement(By.id("transcript")).getText();
        assertThat(transcript).contains("[PHONE]").doesNotContain("7654321");
        assertThat(browser.findElement(By.id("no-consent")).isDisplayed()).isFalse();
        String facts = browser.findElement(By.id("facts")).getText();
        assertThat(facts).contains("Topic", "crisis", "Language", "English", "Country", "Pakistan (PK)",
                "Their local time", "Asia/Karachi");
        assertThat(facts).containsPattern("\\d\\d:\\d\\d");
        assertThat(browser.findElements(By.cssSelector("#risk-timeline li"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("risk-timeline")).getText()).contains("risk: high");
        screenshots("context");
    }

    @Test
    void offers_count_down_alert_with_sound_and_notification_and_can_be_transferred_or_declined() throws Exception {
        String sara = counsellor("partner-a", "sara", "Sara");
        signIn("sara");
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""), "permissions",
                List.of("notifications")));
        click("alerts");
        wait.until(ExpectedConditions.attributeToBe(By.id("alerts"), "aria-pressed", "true"));

        String first = person("u-1", "m-1", "i want to kill myself tonight", "PK").at("/escalation/id").asText();
        wait.until(ExpectedConditions.attributeContains(By.id("alert-banner"), "data-notified", first));
        assertThat(browser.findElement(By.id("alert-banner")).getText()).containsPattern("New (high|imminent) offer");
        wait.until(ExpectedConditions.textMatches(queueItem(first), java.util.regex.Pattern.compile(
                "claim within [45]:\\d\\d")));
        open(first);
        screenshots("offers");
        new Select(browser.findElement(By.id("transfer-to"))).selectByVisibleText("Partner C helpline");
        click("transfer");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Transferred to Partner C"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(queueItem(first)));
        assertThat(components.handoffs().escalation(first).orElseThrow().partnerId()).isEqualTo("partner-c");

        String second = person("u-2", "m-1", "i want to end my life", "PK").at("/escalation/id").asText();
        open(second);
        click("decline");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Declined"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(queueItem(second)));
        assertThat(components.handoffs().events(second)).contains("offered>offered by lapsed:partner-a:counsellor:"
                + sara);
    }

    @Test
    void a_failed_send_is_shown_and_retrying_it_delivers_it_once() throws Exception {
        claimedBySara("i want to kill myself tonight");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply")));

        online(false);
        browser.findElement(By.id("reply")).sendKeys("I'm here with you. Are you safe right now?");
        click("send");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unsent"), "Not sent"));
        assertThat(browser.findElement(By.cssSelector("#unsent .retry")).isDisplayed()).isTrue();
        screenshots("retry");
        online(true);
        browser.findElement(By.cssSelector("#unsent .retry")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Are you safe right now"));
        assertThat(browser.findElements(By.cssSelector("#unsent li"))).isEmpty();
        assertThat(messagesFor("u-1").stream().filter(t -> t.contains("Are you safe right now"))).hasSize(1);
    }

    @Test
    void resolving_asks_for_an_outcome_and_hands_back_with_an_open_crisis_line() throws Exception {
        String sara = counsellor("partner-a", "sara", "Sara");
        signIn("sara");
        String id = person("u-1", "m-1", "i want to kill myself tonight", "PK").at("/escalation/id").asText();
        open(id);
        click("claim");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("resolve")));

        click("resolve");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resolve-dialog")));
        assertThat(browser.findElement(By.id("resolve-crisis")).getText()).contains("crisis line for Pakistan (PK)");
        click("resolve-confirm");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resolve-error"), "Choose an outcome"));
        assertThat(components.handoffs().escalation(id).orElseThrow().state()).isEqualTo("claimed");
        screenshots("resolve");
        browser.findElement(By.cssSelector("input[name=outcome][value=emergency_services]")).click();
        click("resolve-confirm");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Resolved"));
        assertThat(components.handoffs().events(id)).contains("claimed>resolved by counsellor:" + sara);
        assertThat(org.saath.Sqlite.strings(dir.resolve("data"), "SELECT outcome FROM escalations WHERE id = '" + id
                + "'")).containsExactly("emergency_services");
        assertThat(messagesFor("u-1").get(messagesFor("u-1").size() - 1)).contains("0311-7786264",
                "counsellor has ended the chat");
    }

    @Test
    void urdu_and_arabic_read_right_to_left_and_the_console_fits_a_phone() throws Exception {
        claimedBySara("میں خود کو ختم کرنا چاہتا ہوں، آج رات");
        person("u-1", "m-2", "مجھے بہت ڈر لگ رہا ہے", "PK");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "ڈر لگ رہا ہے"));
        browser.findElement(By.id("reply")).sendKeys("أنا هنا معك الآن");

        phone(true);
        WebElement bubble = browser.findElements(By.cssSelector("#messages li.from-person")).get(0);
        assertThat(js("return arguments[0].matches(':dir(rtl)')", bubble)).isEqualTo(true);
        assertThat(js("return document.getElementById('reply').matches(':dir(rtl)')")).isEqualTo(true);
        assertThat(js("return document.getElementById('reply').getAttribute('dir')")).isEqualTo("auto");
        assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(375L);
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js("return [...document.querySelectorAll('button, select, textarea, "
                + "input')].filter(e => e.offsetParent !== null).filter(e => { const r = e.getBoundingClientRect(); "
                + "return r.height < 44 || (e.tagName === 'BUTTON' && r.width < 44); }).map(e => e.id || e.outerHTML)");
        assertThat(small).as("tap targets under 44 px").isEmpty();
        phone(false);
        screenshots("rtl");
    }

    @Test
    void canned_replies_come_in_the_person_s_language_and_the_partner_can_edit_them() throws Exception {
        counsellor("partner-a", "sara", "Sara");
        signIn("sara");
        String id = person("u-1", "m-1", "أريد أن أقتل نفسي الليلة", "PK").at("/escalation/id").asText();
        open(id);
        click("claim");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("canned")));

        Select canned = new Select(browser.findElement(By.id("canned")));
        assertThat(canned.getOptions()).hasSize(8);
        assertThat(canned.getOptions().get(0).getText()).contains("Arabic");
        canned.selectByVisibleText("هل أنت في أمان الآن؟");
        assertThat(browser.findElement(By.id("reply")).getAttribute("value")).isEqualTo("هل أنت في أمان الآن؟");
        click("send");
        waitForPerson("u-1", "هل أنت في أمان الآن؟");
        // the sent message lands in the chat above the editor and pushes it down: a click aimed before that lands
        // elsewhere and leaves the editor shut, so wait for the chat, then click until the editor is open
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "هل أنت في أمان الآن؟"));
        wait.until(d -> {
            if (!Boolean.TRUE.equals(js("return document.getElementById('canned-editor').open"))) {
                browser.findElement(By.cssSelector("#canned-editor summary")).click();
            }
            return Boolean.TRUE.equals(js("return document.getElementById('canned-editor').open"));
        });
        WebElement first = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#canned-list li textarea")));
        first.clear();
        first.sendKeys("مرحبًا، أنا سارة من فريق الإرشاد.");
        browser.findElement(By.cssSelector("#canned-list li button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("canned-status"), "Saved"));
        browser.findElement(By.id("canned-new")).sendKeys("خذ وقتك، أنا هنا.");
        click("canned-add");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("canned-status"), "Added"));
        screenshots("canned");
        assertThat(new Select(browser.findElement(By.id("canned"))).getOptions().stream().map(WebElement::getText))
                .contains("مرحبًا، أنا سارة من فريق الإرشاد.", "خذ وقتك، أنا هنا.")
                .doesNotContain("مرحبًا، أنا من فريق الإرشاد وأنا هنا معك الآن. شكرًا لتواصلك.");
    }

    /** "delete my data" in the middle of a chat: the conversation leaves the queue and the console says why. */
    @Test
    void a_person_who_leaves_mid_chat_is_shown_as_gone_and_why() throws Exception {
        String id = claimedBySara("i want to kill myself tonight");

        person("u-1", "m-2", "delete my data", "PK");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"),
                "The person has left and asked for their data to be deleted"));
        assertThat(browser.findElements(queueItem(id))).isEmpty();
        screenshots("person-left");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Sara signs in and claims the escalation that person u-1 opens with {@code text}. */
    private String claimedBySara(String text) throws Exception {
        counsellor("partner-a", "sara", "Sara");
        signIn("sara");
        String id = person("u-1", "m-1", text, "PK").at("/escalation/id").asText();
        open(id);
        click("claim");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Claimed"));
        return id;
    }

    private String counsellor(String partner, String login, String name) {
        return components.console().counsellors().add(partner, login, Optional.of(name), Optional.of(PASSWORD))
                .counsellor().id();
    }

    private void signIn(String login) {
        if (!browser.getCurrentUrl().endsWith("/console")) {
            browser.get(url("/console"));
        }
        WebElement field = browser.findElement(By.id("login"));
        field.clear();
        field.sendKeys(login);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("signin-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
        wait.until(ExpectedConditions.textToBe(By.id("live"), "Live"));
    }

    /** Opens an escalation from the queue, which live updates may redraw while we click. */
    private void open(String escalation) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#queue li[data-id='" + escalation + "'] button")).click();
            return true;
        });
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#queue li[data-id='" + escalation + "']"),
                "class", "selected"));
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static By queueItem(String escalation) {
        return By.cssSelector("#queue li[data-id='" + escalation + "']");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void online(boolean on) {
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !on, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void phone(boolean on) {
        if (on) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 812,
                    "deviceScaleFactor", 1, "mobile", true));
        } else {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Saves the flow at desktop and phone width; the phone layout must not scroll sideways. */
    private void screenshots(String flow) throws Exception {
        Files.write(SCREENSHOTS.resolve(flow + "-desktop.png"), browser.getScreenshotAs(OutputType.BYTES));
        phone(true);
        try {
            assertThat((Long) js("return document.documentElement.scrollWidth")).as(flow + " at 375 px")
                    .isLessThanOrEqualTo(375L);
            Files.write(SCREENSHOTS.resolve(flow + "-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            phone(false);
        }
    }

    private String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    private JsonNode person(String user, String id, String text, String country) throws Exception {
        HttpResponse<String> response = new GenericClient(app, dir.resolve("data")).post(JSON.writeValueAsString(
                Map.of("user", user, "id", id, "text", text, "country", country)));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<String> messagesFor(String user) throws Exception {
        HttpResponse<String> r = new GenericClient(app, dir.resolve("data")).poll(user, 0);
        return JSON.readTree(r.body()).get("messages").findValuesAsText("text");
    }

    private void waitForPerson(String user, String text) {
        new FluentWait<>(this).withTimeout(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(200))
                .ignoring(Exception.class).until(t -> {
                    try {
                        return messagesFor(user).stream().anyMatch(m -> m.contains(text));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
