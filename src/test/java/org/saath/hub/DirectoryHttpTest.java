package org.saath.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saath.TestComponents;
import org.saath.config.SaathConfig;

/**
 * The directory API over HTTP: what the chat would offer, cached with an ETag, rate-limited, and strict about input.
 */
class DirectoryHttpTest {

    @TempDir
    static Path dir;
    /** One app for the class (the answers are read-only): 2 a.m. in Karachi, a generous limit. */
    private static HubApp hub;

    @BeforeAll
    static void start() {
        hub = HubApp.start(dir, Clock.fixed(TestComponents.PK_NIGHT, ZoneOffset.UTC),
                c -> c.withHub(new SaathConfig.Hub(List.of(), 10_000)));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void helplines_gives_the_chat_s_lines_with_names_contacts_hours_status_and_sources() throws Exception {
        HttpResponse<String> response = hub.get("/v1/helplines?country=pk&topic=cyberbullying&language=ur");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=60");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        JsonNode body = HubApp.json(response);
        assertThat(body.get("country").asText()).isEqualTo("PK");
        assertThat(body.get("at").asText()).isEqualTo("2026-11-20T21:00:00Z");
        JsonNode umang = body.at("/helplines/0");
        assertThat(umang.get("id").asText()).isEqualTo("pk-umang");
        assertThat(umang.get("open_now").asBoolean()).isTrue();
        assertThat(umang.get("status").asText()).isEqualTo("24 گھنٹے کھلی");
        assertThat(umang.at("/contacts/0/hours/type").asText()).isEqualTo("always");
        assertThat(umang.get("source").asText()).startsWith("https://");
        JsonNode drf = body.at("/helplines/1");
        assertThat(drf.get("id").asText()).isEqualTo("pk-drf-cyber-harassment");
        assertThat(drf.get("open_now").asBoolean()).isFalse();
        assertThat(drf.get("next_opening").asText()).isEqualTo("2026-11-21T04:00:00Z");
        assertThat(drf.at("/contacts/0/hours/zone").asText()).isEqualTo("Asia/Karachi");
        assertThat(drf.at("/contacts/0/hours/ranges/0/from").asText()).isEqualTo("09:00");
        assertThat(body.get("emergency").findValuesAsText("value")).contains("15", "1122");
        assertThat(body.get("emergency_known").asBoolean()).isTrue();
        assertThat(body.get("crisis_lines").asText()).isEqualTo("open");
    }

    @Test
    void a_country_without_lines_gets_the_international_directories_and_112_from_a_mobile() throws Exception {
        JsonNode body = HubApp.json(hub.get("/v1/helplines?country=MY&topic=crisis"));

        assertThat(body.get("helplines")).isEmpty();
        assertThat(body.get("emergency_known").asBoolean()).isFalse();
        assertThat(body.at("/emergency/0/contacts/0/value").asText()).isEqualTo("112");
        assertThat(body.get("international").findValuesAsText("id")).contains("intl-find-a-helpline");
        assertThat(body.get("crisis_lines").asText()).isEqualTo("none");
    }

    @Test
    void an_unchanged_answer_is_a_304_for_a_client_that_has_its_etag() throws Exception {
        String path = "/v1/helplines?country=AE&topic=crisis&at=2026-11-21T23:00%2B04:00";
        HttpResponse<String> first = hub.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = hub.get(path, "If-None-Match", etag);
        HttpResponse<String> stale = hub.get(path, "If-None-Match", "\"0000\"");

        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.headers().firstValue("ETag")).contains(etag);
        assertThat(HubApp.json(first).get("crisis_lines").asText()).isEqualTo("closed");
    }

    @Test
    void the_time_may_come_with_an_unencoded_plus_and_is_read_to_the_minute() throws Exception {
        JsonNode body = HubApp.json(hub.get("/v1/helplines?country=PK&topic=cyberbullying"
                + "&at=2026-11-21T14:00:42+05:00"));

        assertThat(body.get("at").asText()).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(body.at("/helplines/0/id").asText()).isEqualTo("pk-drf-cyber-harassment");
        assertThat(body.at("/helplines/0/open_now").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/v1/helplines?topic=crisis|'country'",
        "/v1/helplines?country=ZZ&topic=crisis|'country'",
        "/v1/helplines?country=PK|'topic'",
        "/v1/helplines?country=PK&topic=suicide_methods|'topic'",
        "/v1/helplines?country=PK&topic=crisis&language=fr|'language'",
        "/v1/helplines?country=PK&topic=crisis&at=yesterday|'at'",
        "/v1/helplines?country=PK&topic=crisis&at=9999-01-01T00:00Z|'at'",
        "/v1/topics?language=%3Cscript%3E|'language'"
    })
    void a_bad_parameter_is_a_json_400_naming_it(String path, String parameter) throws Exception {
        HttpResponse<String> response = hub.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HubApp.json(response).get("error").asText()).contains(parameter);
    }

    /**
     * Finding 16 of the s41 QA pass: {@code country=%ZZ} said "'country' is required", though it was sent. A JDK
     * client refuses to send that address, so this one goes over a plain socket.
     */
    @Test
    void a_parameter_sent_with_a_bad_escape_is_named_as_unreadable_not_missing() throws Exception {
        try (Socket socket = new Socket("localhost", hub.app.port())) {
            socket.getOutputStream().write(("GET /v1/helplines?country=%ZZ&topic=crisis HTTP/1.1\r\nHost: localhost"
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400").contains("'country' cannot be read")
                    .doesNotContain("required");
        }
    }

    @Test
    void topics_and_countries_list_what_exists_in_the_language_asked() throws Exception {
        JsonNode topics = HubApp.json(hub.get("/v1/topics?language=ar")).get("topics");
        JsonNode countries = HubApp.json(hub.get("/v1/countries?language=ur")).get("countries");

        assertThat(topics.findValuesAsText("id")).containsExactly("crisis", "cyberbullying", "abuse_violence",
                "anxiety", "depression", "work_stress", "substance", "professional");
        assertThat(topics.at("/1/name").asText()).isEqualTo("التنمّر والابتزاز عبر الإنترنت");
        JsonNode pakistan = null;
        for (JsonNode c : countries) {
            if (c.get("code").asText().equals("PK")) {
                pakistan = c;
            }
        }
        assertThat(pakistan).isNotNull();
        assertThat(pakistan.get("name").asText()).isEqualTo("پاکستان");
        assertThat(pakistan.get("has_lines").asBoolean()).isTrue();
        assertThat(pakistan.get("emergency").findValuesAsText("value")).contains("15", "1122");
        assertThat(countries.findValuesAsText("code")).contains("AE", "EG", "GB").doesNotContain("international");
    }

    @Test
    void every_topic_s_rule_gives_lines_in_the_built_in_rule_book() {
        assertThat(hub.components.hub().topics().withoutLines(hub.components.rules().get().book())).isEmpty();
    }

    /** A deployment's careless rule book must not stop the service; its crises still get the floor's open line. */
    @Test
    void a_rule_book_without_the_topics_rules_still_starts_and_gives_the_emergency_numbers_and_the_floor_s_line()
            throws Exception {
        String careless = "rules:\n  - {id: everything, priority: 0, then: {template: out_of_scope}}\n";
        try (HubApp other = HubApp.of(TestComponents.load(TestComponents.config(dir.resolve("careless")),
                TestComponents.analyser(), Clock.fixed(TestComponents.PK_NIGHT, ZoneOffset.UTC),
                () -> new ByteArrayInputStream(careless.getBytes(StandardCharsets.UTF_8)), "careless.yaml"))) {
            JsonNode crisis = HubApp.json(other.get("/v1/helplines?country=PK&topic=crisis"));
            JsonNode anxiety = HubApp.json(other.get("/v1/helplines?country=PK&topic=anxiety"));

            assertThat(crisis.at("/helplines/0/id").asText()).isEqualTo("pk-umang");
            assertThat(anxiety.get("helplines")).isEmpty();
            assertThat(anxiety.get("emergency").findValuesAsText("value")).contains("15", "1122");
            assertThat(other.get("/help/topics/anxiety?country=PK").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_client_over_the_limit_gets_429_with_retry_after_and_the_pages_are_never_limited() throws Exception {
        try (HubApp limited = HubApp.start(dir.resolve("limited"), Clock.fixed(TestComponents.PK_NIGHT,
                ZoneOffset.UTC), c -> c.withHub(new SaathConfig.Hub(List.of(), 3)))) {
            for (int i = 0; i < 3; i++) {
                assertThat(limited.get("/v1/topics").statusCode()).isEqualTo(200);
            }

            HttpResponse<String> refused = limited.get("/v1/helplines?country=PK&topic=crisis");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(HubApp.json(refused).get("error").asText()).contains("too many");
            for (int i = 0; i < 10; i++) {
                assertThat(limited.get("/help?country=PK").statusCode()).isEqualTo(200);
            }
        }
    }
}
