package org.saath.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.TestComponents;
import org.saath.config.SaathConfig;

/**
 * The hub's pages over HTTP at 2 a.m. in Karachi: language and direction, the emergency numbers on every page, links
 * only for the ways a line can be reached, the paid services apart, nothing a visitor writes reflected unescaped,
 * and no framing except by the origins the deployment names.
 */
class HubPagesHttpTest {

    @TempDir
    static Path dir;
    private static HubApp hub;

    @BeforeAll
    static void start() {
        hub = HubApp.start(dir, Clock.fixed(TestComponents.PK_NIGHT, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void the_root_leads_to_the_hub() throws Exception {
        HttpResponse<String> root = hub.get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).contains("/help");
    }

    @Test
    void the_hub_in_urdu_reads_right_to_left_with_the_emergency_numbers_and_an_open_line_to_call() throws Exception {
        HttpResponse<String> page = hub.get("/help?country=PK&lang=ur");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).startsWith("<!doctype html><html lang=\"ur\" dir=\"rtl\">")
                .contains("<header class=\"sos\">", "href=\"tel:15\"", "href=\"tel:1122\"", "پولیس")
                .contains("href=\"tel:03117786264\"", "24 گھنٹے کھلی")
                .contains("href=\"/help/topics/cyberbullying?country=PK&amp;lang=ur\"")
                .contains("<option value=\"PK\" selected>پاکستان</option>");
        assertNoInlineCode(page.body());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void every_language_has_its_direction_and_the_browser_s_language_is_the_default() throws Exception {
        assertThat(hub.get("/help?lang=ar&country=AE").body())
                .startsWith("<!doctype html><html lang=\"ar\" dir=\"rtl\">");
        assertThat(hub.get("/help?lang=roman_ur").body()).contains("<html lang=\"ur-Latn\" dir=\"ltr\">");
        assertThat(hub.get("/help", "Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5").body())
                .contains("<html lang=\"ar\" dir=\"rtl\">");
        assertThat(hub.get("/help", "Accept-Language", "de-DE").body()).contains("<html lang=\"en\" dir=\"ltr\">");
    }

    @Test
    void a_whatsapp_link_only_where_the_directory_has_whatsapp_and_a_country_without_numbers_gets_112()
            throws Exception {
        String uae = hub.get("/help/topics/anxiety?country=AE&lang=en").body();
        String pakistan = hub.get("/help/topics/anxiety?country=PK&lang=en").body();
        String malaysia = hub.get("/help/topics/crisis?country=MY&lang=en").body();

        assertThat(uae).contains("href=\"https://wa.me/9718004673\"", "href=\"tel:8004673\"", "href=\"tel:999\"");
        assertThat(pakistan).doesNotContain("wa.me", "sms:");
        assertThat(malaysia).contains("your local emergency number", "href=\"tel:112\"", "findahelpline.com")
                .doesNotContain("tel:15\"");
    }

    @Test
    void what_a_visitor_puts_in_the_address_is_never_reflected_and_unknown_values_fall_back() throws Exception {
        HttpResponse<String> page = hub.get("/help?country=%3Cscript%3Ealert(1)%3C/script%3E&lang=%22%3E%3Cx");
        HttpResponse<String> topic = hub.get("/help/topics/%3Cb%3Enope?country=AE&lang=ar");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>", "alert(1)", "\"><x").contains("lang=\"en\"", "tel:15");
        assertThat(topic.statusCode()).isEqualTo(302);
        assertThat(topic.headers().firstValue("Location")).contains("/help?country=AE&lang=ar");
    }

    @Test
    void finding_a_professional_keeps_the_paid_services_apart_and_labelled_and_only_where_they_work()
            throws Exception {
        String pakistan = hub.get("/help/topics/professional?country=PK&lang=en").body();
        String uae = hub.get("/help/topics/professional?country=AE&lang=en").body();

        int free = pakistan.indexOf("id=\"lines\"");
        int paid = pakistan.indexOf("id=\"paid\"");
        assertThat(free).isPositive();
        assertThat(paid).isGreaterThan(free);
        assertThat(pakistan.substring(paid)).contains("Paid services (not free)", "href=\"https://oladoc.com\"",
                "href=\"https://www.marham.pk\"", "<span class=\"badge\">Paid</span>");
        assertThat(pakistan.substring(free, paid)).doesNotContain("oladoc", "marham");
        assertThat(uae).doesNotContain("oladoc", "marham", "id=\"paid\"");
    }

    @Test
    void the_blackmail_page_gives_the_sourced_steps_and_names_who_helps_only_in_pakistan() throws Exception {
        String pakistan = hub.get("/help/topics/cyberbullying?country=PK&lang=en").body();
        String egypt = hub.get("/help/topics/cyberbullying?country=EG&lang=en").body();

        assertThat(pakistan).contains("Don&#39;t pay", "Keep the evidence", "Block and report",
                "href=\"https://stopncii.org\"", "href=\"https://takeitdown.ncmec.org\"", "NCCIA",
                "href=\"/help/topics/crisis?country=PK&amp;lang=en\"", "<summary>Sources</summary>",
                "germannews.org");
        assertThat(egypt).contains("Keep the evidence").doesNotContain("NCCIA");
    }

    @Test
    void the_safety_plan_is_filled_in_the_page_and_sends_nothing() throws Exception {
        String plan = hub.get("/help/safety-plan?country=PK&lang=ur").body();

        assertThat(plan).doesNotContain("<form").contains("<label for=\"plan-1\">", "<textarea id=\"plan-5\"",
                "نشانیاں", "جگہ کو محفوظ بنانا", "id=\"print\"", "hidden",
                "<script src=\"/help/assets/hub.js?v=",
                "href=\"tel:03117786264\"");
        assertNoInlineCode(plan);
    }

    @Test
    void the_chat_page_says_what_it_is_and_works_only_with_its_script() throws Exception {
        String chat = hub.get("/help/chat?country=PK&lang=en").body();

        assertThat(chat).contains("automated assistant, not a person", "<noscript>",
                "id=\"chatbox\" class=\"chat\" hidden",
                "role=\"log\"", "<label for=\"text\">", "data-chat-delete-phrase=\"delete my data\"",
                "data-country=\"PK\"");
        assertNoInlineCode(chat);
    }

    @Test
    void the_stylesheet_and_script_come_from_the_jar_and_may_be_kept_when_versioned() throws Exception {
        String page = hub.get("/help/safety-plan").body();
        String css = page.replaceAll("(?s).*href=\"(/help/assets/hub\\.css\\?v=[0-9a-f]+)\".*", "$1");

        HttpResponse<String> versioned = hub.get(css);
        HttpResponse<String> plain = hub.get("/help/assets/hub.js");

        assertThat(versioned.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(versioned.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(plain.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        assertThat(hub.get("/help/assets/hub.js.map").statusCode()).isEqualTo(404);
        assertThat(hub.get("/help/assets/..%2Fsaath.yaml").statusCode()).isIn(400, 404);
    }

    @Test
    void a_partner_origin_in_config_may_frame_the_hub_and_no_other() throws Exception {
        try (HubApp framed = HubApp.start(dir.resolve("framed"), Clock.fixed(TestComponents.PK_NIGHT,
                ZoneOffset.UTC), c -> c.withHub(new SaathConfig.Hub(List.of("https://partner.example"), 300)))) {
            HttpResponse<String> page = framed.get("/help");

            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .endsWith("frame-ancestors https://partner.example");
            assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
            assertThat(framed.get("/v1/topics").headers().firstValue("X-Frame-Options")).contains("DENY");
        }
    }

    private static void assertNoInlineCode(String html) {
        assertThat(html).doesNotContainPattern("<script>|<script [^>]*>[^<]").doesNotContain("<style", " style=")
                .doesNotContainPattern(" on[a-z]+=");
    }
}
