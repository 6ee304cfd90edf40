package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.GenericClient;
import org.saath.HandoffApp;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.TestStores;

/**
 * Counsellors as people over real HTTP: an own sign-in (BCrypt hash and SHA-256 tokens only in the store), rate
 * limited guessing, sessions that end when the counsellor is disabled, who did what on every transition and
 * message, idempotent actions, a deliberate resolve with a crisis line of the person's own country, canned replies.
 */
class CounsellorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private HandoffApp app;
    private Components components;

    @BeforeEach
    void start() throws Exception {
        app = HandoffApp.start(TestStores.Kind.SQLITE, dir, TestComponents.PK_NIGHT, "counsellors");
        components = app.components();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> raw(String method, String path, Object body, String token, String key)
            throws Exception {
        return app.raw(method, path, body, token, key);
    }

    private JsonNode call(String method, String path, Object body, String token, int status) throws Exception {
        return app.call(method, path, body, token, status);
    }

    private String escalate(String user, String text, String country) throws Exception {
        return call("POST", "/v1/messages", Map.of("user", user, "id", "m-" + user, "text", text, "country", country),
                generic(), 200).at("/escalation/id").asText();
    }

    /** The generic channel's Bearer token, as the deployment's own client reads it from the data folder. */
    private String generic() {
        return GenericClient.token(dir.resolve("data"));
    }

    private String counsellor(String partner, String login, String name) {
        return components.console().counsellors().add(partner, login, Optional.of(name), Optional.of(PASSWORD))
                .counsellor().id();
    }

    private String signIn(String login) throws Exception {
        return call("POST", "/v1/console/sign-in", Map.of("login", login, "password", PASSWORD), null, 200)
                .get("token").asText();
    }

    @Test
    void every_claim_message_and_resolve_records_the_counsellor_and_the_api_key_records_the_partner()
            throws Exception {
        String sara = counsellor("partner-a", "sara", "Sara");
        String token = signIn("Sara");
        String first = escalate("u-1", "i want to kill myself", "PK");

        call("POST", "/v1/partner/escalations/" + first + "/claim", null, token, 200);
        call("POST", "/v1/partner/escalations/" + first + "/messages", Map.of("text", "I'm Sara, I'm here."), token,
                200);
        call("POST", "/v1/partner/escalations/" + first + "/resolve", Map.of("outcome", "safe"), token, 200);

        assertThat(components.handoffs().events(first)).containsExactly("null>requested by saath",
                "requested>offered by saath", "offered>claimed by counsellor:" + sara,
                "claimed>active by counsellor:" + sara, "active>resolved by counsellor:" + sara);
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT actor FROM user_messages WHERE sender = 'counsellor'"))
                .containsExactly("counsellor:" + sara);
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT outcome FROM escalations WHERE id = '" + first + "'"))
                .containsExactly("safe");

        String second = escalate("u-2", "i want to end my life", "PK");
        call("POST", "/v1/partner/escalations/" + second + "/claim", null, TestPartners.KEY_A, 200);
        call("POST", "/v1/partner/escalations/" + second + "/resolve", null, TestPartners.KEY_A, 200);
        assertThat(components.handoffs().events(second)).contains("offered>claimed by partner:partner-a",
                "claimed>resolved by partner:partner-a");
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT outcome FROM escalations WHERE id = '" + second + "'"))
                .containsExactly("not_given");
    }

    /**
     * QA pass 2, finding 7: a counsellor's console session could resolve with no outcome and got {@code not_given},
     * which the README allows only for a partner system.
     */
    @Test
    void a_counsellor_cannot_resolve_without_an_outcome() throws Exception {
        counsellor("partner-a", "carol", "Carol");
        String token = signIn("carol");
        String id = escalate("u-1", "i want to kill myself", "PK");
        String resolve = "/v1/partner/escalations/" + id + "/resolve";
        call("POST", "/v1/partner/escalations/" + id + "/claim", null, token, 200);

        JsonNode noBody = call("POST", resolve, null, token, 400);
        JsonNode noOutcome = call("POST", resolve, Map.of(), token, 400);

        assertThat(noBody.get("error").asText()).contains("'outcome'", "safe");
        assertThat(noOutcome.get("error").asText()).contains("'outcome'");
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT state FROM escalations WHERE id = '" + id + "'"))
                .as("still held").containsExactly("claimed");
        assertThat(call("POST", resolve, Map.of("outcome", "safe"), token, 200).get("outcome").asText())
                .isEqualTo("safe");
    }

    @Test
    void only_hashes_are_stored_and_a_disabled_counsellor_is_out_at_once() throws Exception {
        counsellor("partner-a", "omar", "Omar");
        String token = signIn("omar");
        String stream = call("POST", "/v1/partner/stream-token", null, token, 200).get("token").asText();

        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT password_hash FROM counsellors")).singleElement()
                .satisfies(h -> assertThat(h).startsWith("$2a$04$").doesNotContain(PASSWORD));
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT token_sha256 FROM console_tokens"))
                .containsExactlyInAnyOrder(PartnerDirectory.sha256(token), PartnerDirectory.sha256(stream));
        call("GET", "/v1/partner/escalations", null, token, 200);

        assertThat(components.console().counsellors().disable("omar")).isTrue();

        call("GET", "/v1/partner/escalations", null, token, 401);
        call("POST", "/v1/partner/stream-token", null, token, 401);
        call("POST", "/v1/console/sign-in", Map.of("login", "omar", "password", PASSWORD), null, 401);
        assertThat(Sqlite.count(dir.resolve("data"), "console_tokens")).isZero();
    }

    @Test
    void guessing_a_password_is_slowed_down_for_that_login() throws Exception {
        counsellor("partner-a", "sara", "Sara");
        for (int i = 0; i < 5; i++) {
            call("POST", "/v1/console/sign-in", Map.of("login", "sara", "password", "wrong password " + i), null, 401);
        }

        HttpResponse<String> refused = raw("POST", "/v1/console/sign-in", Map.of("login", "sara", "password",
                PASSWORD), null, null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s ->
                assertThat(Long.parseLong(s)).isBetween(1L, 900L));
        assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("too many failed sign-ins");
        call("POST", "/v1/console/sign-in", Map.of("login", "nobody", "password", PASSWORD), null, 401);
    }

    @Test
    void a_repeated_idempotency_key_returns_the_first_outcome_and_acts_once() throws Exception {
        counsellor("partner-a", "sara", "Sara");
        String token = signIn("sara");
        String id = escalate("u-1", "i want to kill myself", "PK");
        call("POST", "/v1/partner/escalations/" + id + "/claim", null, token, 200);
        String path = "/v1/partner/escalations/" + id + "/messages";

        HttpResponse<String> first = raw("POST", path, Map.of("text", "I'm here with you."), token, "key-0000001");
        HttpResponse<String> again = raw("POST", path, Map.of("text", "I'm here with you."), token, "key-0000001");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Sqlite.count(dir.resolve("data"), "user_messages")).as("joined note + one message").isEqualTo(2);
        HttpResponse<String> claimAgain = raw("POST", "/v1/partner/escalations/" + id + "/claim", null, token,
                "key-0000002");
        assertThat(claimAgain.statusCode()).isEqualTo(409);
        assertThat(raw("POST", "/v1/partner/escalations/" + id + "/claim", null, token, "key-0000002").body())
                .as("a refusal is an outcome too").isEqualTo(claimAgain.body());
        assertThat(raw("POST", "/v1/partner/escalations/" + id + "/resolve", null, token, "key-0000001")
                .statusCode()).as("a key used for another request").isEqualTo(422);
        assertThat(raw("POST", path, Map.of("text", "x"), token, "bad key!").statusCode()).isEqualTo(400);
    }

    @Test
    void resolving_at_high_risk_hands_back_with_a_crisis_line_of_the_person_s_own_country() throws Exception {
        counsellor("partner-a", "sara", "Sara");
        counsellor("partner-b", "layla", "Layla");
        String pk = escalate("u-1", "i want to kill myself", "PK");
        String ae = escalate("u-2", "i want to kill myself", "AE");
        String sara = signIn("sara");
        String layla = signIn("layla");
        call("POST", "/v1/partner/escalations/" + pk + "/claim", null, sara, 200);
        call("POST", "/v1/partner/escalations/" + ae + "/claim", null, layla, 200);

        call("POST", "/v1/partner/escalations/" + pk + "/resolve", Map.of("outcome", "maybe"), sara, 400);
        call("POST", "/v1/partner/escalations/" + pk + "/resolve", Map.of("outcome", "referred"), sara, 200);
        call("POST", "/v1/partner/escalations/" + ae + "/resolve", Map.of("outcome", "safe"), layla, 200);

        String pkBack = last(call("GET", "/v1/messages?user=u-1&after=0", null, generic(), 200));
        String aeBack = last(call("GET", "/v1/messages?user=u-2&after=0", null, generic(), 200));
        assertThat(pkBack).contains("counsellor has ended the chat", "0311-7786264");
        assertThat(aeBack).contains("counsellor has ended the chat").doesNotContain("0311-7786264");
        assertThat(aeBack.contains("crisis line you can reach") || aeBack.contains("None of the crisis lines"))
                .as("an open UAE line, or the honest note that none is open: " + aeBack).isTrue();
    }

    /** Before, a lapsed or declined offer gave the deployment's default country's line (Pakistan's) to everyone. */
    @Test
    void a_declined_offer_tells_the_person_of_a_line_in_their_own_country_only() throws Exception {
        String ae = escalate("u-1", "i want to end my life", "AE");

        call("POST", "/v1/partner/escalations/" + ae + "/decline", null, TestPartners.KEY_B, 200);

        String told = last(call("GET", "/v1/messages?user=u-1&after=0", null, generic(), 200));
        assertThat(told).contains("No counsellor could take the conversation").doesNotContain("0311-7786264");
        assertThat(components.handoffs().events(ae)).contains("offered>declined by lapsed:partner-b:partner:partner-b");
    }

    @Test
    void canned_replies_start_from_openers_in_four_languages_and_each_partner_edits_its_own() throws Exception {
        counsellor("partner-a", "sara", "Sara");
        String token = signIn("sara");

        JsonNode seeded = call("GET", "/v1/partner/canned-replies", null, token, 200).get("replies");
        assertThat(seeded).hasSize(28);
        assertThat(seeded.findValuesAsText("language")).containsOnly("en", "ur", "roman_ur", "ar");
        String id = seeded.get(0).get("id").asText();
        call("PUT", "/v1/partner/canned-replies/" + id, Map.of("text", "Hello, I'm Sara."), token, 200);
        call("POST", "/v1/partner/canned-replies", Map.of("language", "ar", "text", "أنا هنا."), token, 201);
        call("POST", "/v1/partner/canned-replies", Map.of("language", "xx", "text", "hi"), token, 400);

        JsonNode after = call("GET", "/v1/partner/canned-replies", null, token, 200).get("replies");
        assertThat(after).hasSize(29);
        assertThat(after.findValuesAsText("text")).contains("Hello, I'm Sara.", "أنا هنا.");
        assertThat(call("GET", "/v1/partner/canned-replies", null, TestPartners.KEY_B, 200).get("replies")
                .findValuesAsText("text")).doesNotContain("Hello, I'm Sara.").hasSize(28);
        call("DELETE", "/v1/partner/canned-replies/" + id, null, TestPartners.KEY_B, 400);
        call("GET", "/v1/partner/canned-replies", null, null, 401);
    }

    /** DESIGN.md's isolation invariant, for the console's live stream: a partner's stream carries only its own. */
    @Test
    void a_partner_s_event_stream_carries_only_its_own_escalations() throws Exception {
        counsellor("partner-a", "sara", "Sara");
        String pakistan = escalate("u-1", "i want to kill myself", "PK");
        String uae = escalate("u-2", "i want to kill myself", "AE");

        String forA = firstState(call("POST", "/v1/partner/stream-token", null, signIn("sara"), 200));
        String forB = firstState(call("POST", "/v1/partner/stream-token", null, TestPartners.KEY_B, 200));

        assertThat(forA).contains(pakistan).doesNotContain(uae);
        assertThat(forB).contains(uae).doesNotContain(pakistan);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/v1/partner/stream?token=not-a-token")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("stream token").doesNotContain("escalations");
    }

    /**
     * QA pass 2, finding 8: the event stream asked for without {@code Accept: text/event-stream} (curl's default
     * {@code *}{@code /*}) was an empty 200 text/plain, neither a stream nor an error.
     */
    @Test
    void the_event_stream_without_accept_event_stream_is_406_with_a_reason() throws Exception {
        JsonNode token = call("POST", "/v1/partner/stream-token", null, TestPartners.KEY_A, 200);
        String pakistan = escalate("u-1", "i want to kill myself", "PK");

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/v1/partner/stream?token=" + token.get("token").asText())).header("Accept", "*/*").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("Accept: text/event-stream");
        assertThat(firstState(token)).as("the token still opens a stream").contains(pakistan);
    }

    /** The first {@code state} event of a stream opened with a token. */
    private String firstState(JsonNode token) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + app.port() + "/v1/partner/stream?token=" + token.get("token").asText()))
                .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = stream.body()) {
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> lines.dropWhile(l -> !l.equals(
                    "event: state")).skip(1).findFirst().orElseThrow()).get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static String last(JsonNode messages) {
        JsonNode list = messages.get("messages");
        return list.get(list.size() - 1).get("text").asText();
    }
}
