package org.saath.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.config.SaathConfig;
import org.saath.nlu.Language;

/**
 * The help hub in Debian's headless Chromium (installed by .ci/run; nothing is downloaded but axe-core, see
 * {@link AxeCore}), at 2 a.m. in Karachi: every page in every language at 320, 375 and 1280 px with screenshots under
 * {@code target/screenshots/}, axe-core's serious and critical findings, the bytes of a first visit, the keyboard,
 * the page without JavaScript, the safety plan that stays in the browser, and the web chat with a counsellor joining.
 * Chromium and the app start once for the class.
 */
class HubBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> PAGES = List.of("/help", "/help/topics/crisis", "/help/topics/cyberbullying",
            "/help/topics/professional", "/help/grounding", "/help/safety-plan", "/help/chat");
    /** Issue 16: "a page under 150 KB on first load". */
    private static final long FIRST_LOAD_BYTES = 150_000;
    private static final int PHONE = 375;
    private static final int DESKTOP = 1280;
    private static final int SMALLEST = 320;

    @TempDir
    static Path dir;
    private static ChromeDriver browser;
    private static HubApp hub;
    private static AxeCore.Loaded axe;
    private static HubText words;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        Path profile = Files.createTempDirectory("saath-hub-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + DESKTOP + ",900", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.executeCdpCommand("Network.enable", Map.of());
        Path partners = TestPartners.file(dir, "http://127.0.0.1:9/hook", "partner-a-webhook-secret");
        hub = HubApp.start(dir, Clock.fixed(TestComponents.PK_NIGHT, ZoneOffset.UTC), c -> c
                .withPartnersFile(partners.toString()).withHub(new SaathConfig.Hub(List.of(), 10_000)));
        axe = AxeCore.load();
        words = HubText.loadFromClasspath(List.of("crisis"));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @BeforeEach
    void desktop() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        width(DESKTOP);
    }

    @AfterEach
    void blank() {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        browser.get("about:blank");
    }

    static Stream<Language> languages() {
        return Language.supported().stream();
    }

    /**
     * Each page at 320, 375 and 1280 px: its direction, no sideways scroll, the emergency number in view, screenshots
     * at 375 and 1280 px; axe-core on every page at phone width (where most people read it) and on the front page at
     * desktop width too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void every_page_reads_in_its_direction_fits_320_to_1280_px_and_axe_finds_nothing_serious_or_critical(
            Language language) throws Exception {
        List<String> found = new ArrayList<>();
        AutoCloseable checker = axe.script().isPresent() ? AxeCore.inEveryPage(browser, axe.script().get()) : () -> {
        };
        try (checker) {
            readEveryPage(language, found);
        }

        assertThat(found).as("axe-core, " + language.code()).isEmpty();
        assumeTrue(axe.script().isPresent(), axe.reason());
    }

    private static void readEveryPage(Language language, List<String> found) throws Exception {
        for (String path : PAGES) {
            browser.get(url(path, language));
            String name = "hub-" + path.substring(path.lastIndexOf('/') + 1) + "-" + language.code();

            assertThat(js("return document.documentElement.dir")).as(name)
                    .isEqualTo(language == Language.UR || language == Language.AR ? "rtl" : "ltr");
            for (int width : List.of(SMALLEST, PHONE, DESKTOP)) {
                width(width);
                assertThat((Long) js("return document.documentElement.scrollWidth")).as(name + " at " + width)
                        .isLessThanOrEqualTo(width);
                assertThat(browser.findElement(By.cssSelector("header.sos a.call")).isDisplayed()).as(name).isTrue();
                if (width != SMALLEST) {
                    Files.write(SCREENSHOTS.resolve(name + "-" + (width == PHONE ? "phone" : "desktop") + ".png"),
                            browser.getScreenshotAs(OutputType.BYTES));
                }
                if (axe.script().isPresent() && (width == PHONE || path.equals("/help") && width == DESKTOP)) {
                    AxeCore.seriousViolations(browser, axe.script().get())
                            .forEach(v -> found.add(path + " at " + width + " px: " + v));
                }
            }
        }
    }

    /** Transferred bytes (headers and encoded bodies) of everything a first visit fetches, from the Performance API. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void a_first_visit_fetches_under_150_kb_all_from_this_site_with_system_fonts(Language language) throws Exception {
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        for (String path : List.of("/help", "/help/chat")) {
            browser.get(url(path, language));

            JsonNode load = HubApp.JSON.readTree((String) js("""
                    var all = performance.getEntriesByType('navigation').concat(
                        performance.getEntriesByType('resource'));
                    return JSON.stringify({fonts: document.fonts.size, entries: all.map(function (e) {
                      return {url: e.name, bytes: e.transferSize, decoded: e.decodedBodySize};
                    })});"""));
            long bytes = 0;
            List<String> parts = new ArrayList<>();
            for (JsonNode entry : load.get("entries")) {
                bytes += entry.get("bytes").asLong();
                parts.add(entry.get("url").asText().replaceFirst("^https?://[^/]+", "") + " "
                        + entry.get("bytes").asLong() + " (" + entry.get("decoded").asLong() + " unpacked)");
                assertThat(entry.get("url").asText()).as("fetched from this site").startsWith(hub.url("/"));
            }
            System.out.println("first load " + path + " " + language.code() + ": " + bytes + " bytes (" + parts + ")");

            assertThat(load.get("entries").get(0).get("bytes").asLong()).as("the page itself was measured")
                    .isPositive();
            assertThat(bytes).as(path + " in " + language.code()).isLessThan(FIRST_LOAD_BYTES);
            assertThat(load.get("fonts").asInt()).as("web fonts").isZero();
        }
    }

    @Test
    void the_skip_link_comes_first_and_the_emergency_numbers_stay_on_screen_to_the_end_of_the_page() {
        width(PHONE);
        browser.get(url("/help/topics/cyberbullying", Language.UR));

        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getAttribute("class")).isEqualTo("skip");
        assertThat((Number) js("return arguments[0].getBoundingClientRect().top", first)).satisfies(
                top -> assertThat(top.doubleValue()).isNotNegative());
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(js("return document.activeElement.id")).isEqualTo("main");

        js("window.scrollTo(0, document.documentElement.scrollHeight)");
        assertThat((Number) js("return window.scrollY")).satisfies(y -> assertThat(y.doubleValue()).isPositive());
        assertThat((Number) js("return document.querySelector('header.sos').getBoundingClientRect().top"))
                .satisfies(top -> assertThat(top.doubleValue()).isZero());
        assertThat(browser.findElement(By.cssSelector("header.sos a[href='tel:15']")).isDisplayed()).isTrue();
    }

    @Test
    void without_javascript_every_line_can_still_be_called_and_the_chat_page_says_what_it_needs() {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));

        browser.get(url("/help", Language.EN));
        assertThat(browser.findElement(By.cssSelector("main a[href='tel:03117786264']")).isDisplayed()).isTrue();
        browser.get(url("/help/chat", Language.EN));
        assertThat(browser.findElement(By.id("chatbox")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(words.word("chat-noscript",
                Language.EN));
        browser.get(url("/help/safety-plan", Language.EN));
        assertThat(browser.findElement(By.id("plan-1")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("print")).isDisplayed()).as("printing needs the script").isFalse();
    }

    @Test
    void the_safety_plan_is_written_and_printed_in_the_page_and_nothing_leaves_it() {
        browser.get(url("/help/safety-plan", Language.UR));
        js("sessionStorage.clear(); localStorage.clear()");  // the chat's token, should the chat's test leave one
        long fetched = (Long) js("return performance.getEntriesByType('resource').length");

        browser.findElement(By.id("plan-1")).sendKeys("جب نیند نہ آئے اور میں سب سے کٹ جاؤں");
        browser.findElement(By.id("plan-3")).sendKeys("Ammi, Khala");

        assertThat(browser.findElement(By.id("print")).isDisplayed()).isTrue();
        assertThat(js("return document.querySelectorAll('main form').length")).isEqualTo(0L);
        assertThat(js("return performance.getEntriesByType('resource').length")).isEqualTo(fetched);
        assertThat(js("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat(js("return document.cookie")).isEqualTo("");
    }

    @Test
    void the_chat_answers_in_the_page_a_counsellor_joins_live_and_delete_my_data_deletes_while_they_hold_it()
            throws Exception {
        width(PHONE);
        browser.get(url("/help/chat", Language.UR));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chatbox")));

        send("میں اپنی زندگی ختم کرنا چاہتا ہوں");
        WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#log .from-bot")));
        assertThat(reply.findElements(By.cssSelector("a[href='tel:03117786264']"))).isNotEmpty();
        assertThat(js("return Object.keys(sessionStorage).join(',') + '|' + localStorage.length + '|' "
                + "+ document.cookie")).isEqualTo("saath.chat.session|0|");
        if (axe.script().isPresent()) {
            assertThat(AxeCore.seriousViolations(browser, axe.script().get())).as("the chat with answers").isEmpty();
        }

        String escalation = partner("GET", "/v1/partner/escalations", null).at("/escalations/0/id").asText();
        partner("POST", "/v1/partner/escalations/" + escalation + "/claim", "");
        partner("POST", "/v1/partner/escalations/" + escalation + "/messages",
                "{\"text\":\"Hello, I'm Sara, a counsellor. I'm here with you.\"}");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#log .from-counsellor"),
                "I'm Sara"));
        assertThat(js("return getComputedStyle(document.querySelector('#log .from-counsellor .text')).direction"))
                .as("English on an Urdu page reads left to right").isEqualTo("ltr");
        Files.write(SCREENSHOTS.resolve("hub-chat-counsellor-ur-phone.png"), browser.getScreenshotAs(OutputType.BYTES));

        // "delete my data" works while a counsellor holds the chat: it is never relayed, the escalation ends
        browser.findElement(By.id("forget")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), words.word("chat-deleted", Language.UR)));

        assertThat(Sqlite.count(dir.resolve("data"), "conversations")).isZero();
        assertThat(Sqlite.count(dir.resolve("data"), "turns")).isZero();
        assertThat(js("return sessionStorage.length")).isEqualTo(0L);
    }

    private void send(String text) {
        browser.findElement(By.id("text")).sendKeys(text);
        browser.findElement(By.cssSelector("#send button")).click();
    }

    private static JsonNode partner(String method, String path, String body) throws Exception {
        String key = "Bearer " + TestPartners.KEY_A;
        var response = method.equals("GET") ? hub.get(path, "Authorization", key)
                : hub.post(path, body, "Authorization", key);
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(200);
        return HubApp.json(response);
    }

    private static String url(String path, Language language) {
        return hub.url(path + "?country=" + (language == Language.AR ? "AE" : "PK") + "&lang=" + language.code());
    }

    private static void width(int width) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", width == DESKTOP ? 900 : 812, "deviceScaleFactor", 1, "mobile", width != DESKTOP));
    }

    private static Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }
}
