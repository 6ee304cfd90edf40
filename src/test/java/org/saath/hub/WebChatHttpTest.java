package org.saath.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Sqlite;
import org.saath.StoreRows;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.escalation.EscalationRequester;
import org.saath.nlu.Language;

/**
 * The hub's web chat over HTTP: a session the server mints, the same pipeline as every channel, nothing accepted
 * from another site or without a minted session, a counsellor's words fetched by the person, and "delete my data"
 * in every language.
 */
class WebChatHttpTest {

    @TempDir
    Path dir;
    private HubApp hub;
    private String origin;

    @BeforeEach
    void start() throws Exception {
        Path partners = TestPartners.file(dir, "http://127.0.0.1:9/hook", "partner-a-webhook-secret");
        hub = HubApp.start(dir, Clock.fixed(TestComponents.PK_NIGHT, ZoneOffset.UTC),
                c -> c.withPartnersFile(partners.toString()));
        origin = "http://localhost:" + hub.app.port();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private String session() throws Exception {
        HttpResponse<String> response = hub.post("/v1/hub/session", "", "Origin", origin);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        return HubApp.json(response).get("token").asText();
    }

    private HttpResponse<String> say(String token, String id, String text) throws Exception {
        return hub.post("/v1/hub/messages", HubApp.JSON.writeValueAsString(Map.of("id", id, "text", text,
                "country", "PK")), "Origin", origin, WebChatController.SESSION_HEADER, token);
    }

    private long stored() {
        return Sqlite.count(dir.resolve("data"), "conversations");
    }

    @Test
    void a_minted_session_talks_to_the_same_pipeline_as_every_channel_and_a_repeat_answers_once() throws Exception {
        String token = session();

        HttpResponse<String> first = say(token, "m-1", "i want to end my life");
        HttpResponse<String> again = say(token, "m-1", "i want to end my life");

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = HubApp.json(first);
        assertThat(body.at("/replies/0/helplines/0/id").asText()).isEqualTo("pk-umang");
        assertThat(body.at("/escalation/state").asText()).isEqualTo("offered");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT channel FROM conversations")).containsExactly("web");
        assertThat(Sqlite.count(dir.resolve("data"), "turns")).isEqualTo(1);
    }

    /**
     * A new web-chat sender costs one request, so the per-sender escalation limit alone bounded nothing: one address
     * opening session after session with a crisis could fill every partner's places. Past four senders' worth of
     * escalations (12 with the default 3 each) an address's crises still get their reply and crisis line, and open no
     * escalation; the address itself is stored nowhere.
     */
    @Test
    void one_address_minting_sessions_cannot_open_escalations_without_end() throws Exception {
        int perAddress = EscalationRequester.PER_ORIGIN * 3;
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i <= perAddress; i++) {
            answers.add(HubApp.json(say(session(), "m-1", "i want to end my life")));
        }

        assertThat(answers).allSatisfy(a -> assertThat(a.at("/replies/0/helplines/0/id").asText())
                .isEqualTo("pk-umang"));
        assertThat(answers.stream().filter(a -> !a.get("escalation").isNull()).count()).isEqualTo(perAddress);
        assertThat(Sqlite.count(dir.resolve("data"), "escalations")).isEqualTo(perAddress);
        StoreRows.of(hub.components.database()).forEach((table, rows) -> assertThat(rows).as(table)
                .noneMatch(row -> row.contains("127.0.0.1")));
    }

    @Test
    void without_a_session_this_server_minted_nothing_is_answered_or_stored() throws Exception {
        String forged = "AAAAAAAAAAAAAAAAAAAAAA." + "0".repeat(32);

        List<Integer> statuses = List.of(
                hub.post("/v1/hub/messages", "{\"id\":\"m-1\",\"text\":\"hi\"}", "Origin", origin).statusCode(),
                say(forged, "m-1", "hi").statusCode(),
                hub.get("/v1/hub/messages?after=0", WebChatController.SESSION_HEADER, forged).statusCode());

        assertThat(statuses).containsOnly(401);
        assertThat(stored()).isZero();
    }

    @Test
    void a_page_of_another_site_can_neither_open_a_session_nor_write_or_read_in_a_person_s_name() throws Exception {
        String token = session();
        String message = "{\"id\":\"m-1\",\"text\":\"hi\"}";

        List<Integer> statuses = List.of(
                hub.post("/v1/hub/session", "", "Origin", "https://evil.example").statusCode(),
                hub.post("/v1/hub/messages", message, "Origin", "https://evil.example",
                        WebChatController.SESSION_HEADER, token).statusCode(),
                hub.post("/v1/hub/messages", message, "Origin", "http://localhost:1",
                        WebChatController.SESSION_HEADER, token).statusCode(),
                hub.post("/v1/hub/messages", message, "Sec-Fetch-Site", "cross-site",
                        WebChatController.SESSION_HEADER, token).statusCode(),
                hub.get("/v1/hub/messages?after=0", "Origin", "https://evil.example",
                        WebChatController.SESSION_HEADER, token).statusCode());

        assertThat(statuses).containsOnly(403);
        assertThat(stored()).isZero();
        assertThat(say(token, "m-1", "hi").statusCode()).isEqualTo(200);
    }

    @Test
    void a_counsellor_s_words_wait_for_the_person_until_the_page_fetches_them() throws Exception {
        String token = session();
        String escalation = HubApp.json(say(token, "m-1", "i want to end my life")).at("/escalation/id").asText();
        String key = "Bearer " + TestPartners.KEY_A;

        assertThat(hub.post("/v1/partner/escalations/" + escalation + "/claim", "", "Authorization", key)
                .statusCode()).isEqualTo(200);
        assertThat(hub.post("/v1/partner/escalations/" + escalation + "/messages",
                "{\"text\":\"Hello, I'm Sara, a counsellor. I'm here with you.\"}", "Authorization", key)
                .statusCode()).isEqualTo(200);
        JsonNode messages = HubApp.json(hub.get("/v1/hub/messages?after=0", "Origin", origin,
                WebChatController.SESSION_HEADER, token)).get("messages");

        assertThat(messages.findValuesAsText("sender")).contains("saath", "counsellor");
        assertThat(messages.findValuesAsText("text")).contains("Hello, I'm Sara, a counsellor. I'm here with you.");
        long last = messages.get(messages.size() - 1).get("seq").asLong();
        assertThat(HubApp.json(hub.get("/v1/hub/messages?after=" + last, WebChatController.SESSION_HEADER, token))
                .get("messages")).isEmpty();
        assertThat(HubApp.json(say(token, "m-2", "thank you")).get("replies")).isEmpty();
    }

    @Test
    void delete_my_data_as_the_hub_s_button_says_it_deletes_everything_in_every_language() throws Exception {
        HubText text = HubText.loadFromClasspath(List.of("crisis"));
        int id = 0;
        for (Language language : Language.supported()) {
            String token = session();
            say(token, "m-" + (++id), "i feel so empty and sad all the time");
            assertThat(stored()).isEqualTo(1);

            HttpResponse<String> deleted = say(token, "m-" + (++id), text.word("chat-delete-phrase", language));

            assertThat(deleted.statusCode()).isEqualTo(200);
            assertThat(stored()).as(language.code()).isZero();
            assertThat(Sqlite.count(dir.resolve("data"), "turns")).isZero();
        }
    }

    @Test
    void a_bad_message_is_a_json_4xx_naming_what_is_wrong() throws Exception {
        String token = session();
        String[][] cases = {{"{\"text\":\"hi\"}", "'id'"}, {"{\"id\":\"m\"}", "'text'"},
            {"{\"id\":\"m\",\"text\":\"hi\",\"country\":\"ZZ\"}", "'country'"}, {"[1]", "JSON object"},
            {"{", "not valid JSON"}, {"{\"id\":\"m\",\"text\":\"" + "a".repeat(20_000) + "\"}", "bytes"}};

        for (String[] c : cases) {
            HttpResponse<String> response = hub.post("/v1/hub/messages", c[0], "Origin", origin,
                    WebChatController.SESSION_HEADER, token);
            assertThat(response.statusCode()).as(c[1]).isBetween(400, 413);
            assertThat(HubApp.json(response).get("error").asText()).contains(c[1]);
        }
        assertThat(stored()).isZero();
    }
}
