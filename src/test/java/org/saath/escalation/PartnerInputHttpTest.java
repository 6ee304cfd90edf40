package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saath.HttpCalls;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.TestPartners;

/**
 * What a partner's system sends in a body, over HTTP: a body that is there must be a JSON object with fields of the
 * right type; anything else is a 400 with a reason that changes nothing, never read as if no body had come.
 */
class PartnerInputHttpTest {

    private static final String KEY_A = TestPartners.KEY_A;

    @TempDir
    Path dir;
    private Javalin app;
    private HttpCalls calls;
    private String escalation;

    @BeforeEach
    void start() throws Exception {
        app = TestComponents.startWithPartners(dir);
        calls = new HttpCalls(app, dir.resolve("data"));
        escalation = HttpCalls.json(calls.message("u-1", "m-1", "i want to kill myself", "PK"))
                .at("/escalation/id").asText();
        assertThat(state()).isEqualTo("offered");
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> post(String action, String body) {
        return calls.post("/v1/partner/escalations/" + escalation + "/" + action, body, KEY_A);
    }

    private String state() {
        return HttpCalls.json(calls.get("/v1/partner/escalations", KEY_A)).at("/escalations/0/state").asText();
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(HttpCalls.json(response).get("error").asText()).contains(reason);
    }

    /**
     * Finding 3 of the s41 QA pass: {@code {"outcome":["safe"]}} and {@code {"outcome":12}} resolved the escalation
     * as {@code not_given}, which ends the handoff for good.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"outcome\":[\"safe\"]}", "{\"outcome\":12}", "{\"outcome\":{\"code\":\"safe\"}}",
        "{\"outcome\":true}", "{\"outcome\":null}", "{\"outcome\":\"\"}", "{\"outcome\":\"bogus\"}"})
    void resolve_with_an_outcome_that_is_not_a_documented_string_is_refused_and_ends_nothing(String body) {
        assertThat(post("claim", null).statusCode()).isEqualTo(200);

        assertRefused(post("resolve", body), "'outcome' must be one of safe, referred");

        assertThat(state()).isEqualTo("claimed");
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT state FROM escalations")).containsExactly("claimed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{bad", "[\"safe\"]", "\"safe\"", "12", "null"})
    void a_body_that_is_not_a_json_object_is_refused_by_every_action_and_changes_nothing(String body) {
        for (String action : new String[] {"claim", "decline", "resolve", "transfer", "messages"}) {
            HttpResponse<String> response = post(action, body);

            assertThat(response.statusCode()).as(action + " " + response.body()).isEqualTo(400);
            assertThat(HttpCalls.json(response).get("error").asText()).as(action).startsWith("body ");
        }
        assertThat(state()).isEqualTo("offered");
    }

    /** Finding 10 of the s41 QA pass: the partner API read a repeated key by its last value, and ignored a tail. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"outcome\":\"safe\"} xyz", "{\"outcome\":\"safe\"}{\"outcome\":\"other\"}",
        "{\"outcome\":\"safe\",\"outcome\":\"referred\"}"})
    void resolve_with_content_after_the_object_or_a_repeated_key_is_invalid_json(String body) {
        assertThat(post("claim", null).statusCode()).isEqualTo(200);

        assertRefused(post("resolve", body), "body is not valid JSON");

        assertThat(state()).isEqualTo("claimed");
    }

    @Test
    void fields_of_the_wrong_type_are_named_not_taken_for_missing() {
        assertRefused(post("transfer", "{\"partner\":[\"partner-b\"]}"), "'partner' must be a string");
        assertThat(post("claim", "{}").statusCode()).isEqualTo(200);
        long toThePerson = Sqlite.count(dir.resolve("data"), "user_messages");

        assertRefused(post("messages", "{\"text\":42}"), "'text' must be a string");

        assertThat(state()).isEqualTo("claimed");
        assertThat(Sqlite.count(dir.resolve("data"), "user_messages")).isEqualTo(toThePerson);
    }

    @Test
    void no_body_or_an_object_without_outcome_still_resolves_as_not_given() {
        assertThat(post("claim", "").statusCode()).isEqualTo(200);

        HttpResponse<String> resolved = post("resolve", null);

        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(HttpCalls.json(resolved).get("outcome").asText()).isEqualTo("not_given");
    }

    /**
     * Finding 15 of the s41 QA pass: {@code ?state=bogus}, {@code ?limit=-1} and {@code messages?after=abc} were
     * ignored, so a partner believed it had filtered what it had not. The partner API takes no query parameters.
     */
    @Test
    void a_query_parameter_the_partner_api_does_not_take_is_a_400_naming_it() {
        assertRefused(calls.get("/v1/partner/escalations?state=bogus", KEY_A), "'state' is not a parameter");
        assertRefused(calls.get("/v1/partner/escalations?limit=-1", KEY_A), "'limit' is not a parameter");
        assertRefused(calls.get("/v1/partner/escalations/" + escalation + "/messages?after=abc", KEY_A),
                "'after' is not a parameter");
        assertRefused(calls.get("/v1/partner/escalations/" + escalation + "/transcript?from=0", KEY_A),
                "'from' is not a parameter");
        assertThat(calls.get("/v1/partner/escalations?state=bogus", null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_console_sign_in_with_a_wrongly_typed_login_is_a_400_naming_it() {
        HttpResponse<String> response = calls.post("/v1/console/sign-in", "{\"login\":[\"sara\"],\"password\":\"x\"}",
                null);

        assertRefused(response, "'login' must be a string");
    }
}
