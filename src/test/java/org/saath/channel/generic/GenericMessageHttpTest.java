package org.saath.channel.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saath.App;
import org.saath.Components;
import org.saath.GenericClient;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.config.ChannelsConfig;

/** {@code POST /v1/messages} against the real app on a free port, with a real SQLite file. */
class GenericMessageHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;
    private Javalin app;
    private final List<Components> opened = new ArrayList<>();

    private GenericClient person;

    @BeforeEach
    void start() {
        app = App.create(open(TestComponents.components(data, TestComponents.PK_NIGHT))).start(0);
        person = new GenericClient(app, data);
    }

    /**
     * The server, then its store: the store's committer and checkpointer would otherwise still write into the
     * temporary folder while JUnit deletes it (a {@code DirectoryNotEmptyException} at teardown, seen once).
     */
    @AfterEach
    void stop() {
        app.stop();
        opened.forEach(c -> c.database().close());
    }

    private Components open(Components components) {
        opened.add(components);
        return components;
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return person.post(body);
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/messages", name), StandardCharsets.UTF_8);
    }

    @Test
    void crisis_message_gets_an_open_pakistani_crisis_line_first_and_an_escalation() throws Exception {
        HttpResponse<String> response = post(fixture("crisis-roman-urdu.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        JsonNode first = body.at("/replies/0");
        assertThat(first.at("/helplines/0/id").asText()).isEqualTo("pk-umang");
        assertThat(first.at("/helplines/0/open_now").asBoolean()).isTrue();
        assertThat(first.at("/helplines/0/contacts/0/value").asText()).isEqualTo("0311-7786264");
        assertThat(first.get("text").asText()).contains("0311-7786264");
        assertThat(body.at("/escalation/state").asText()).isEqualTo("requested");
        assertThat(Sqlite.count(data, "escalations")).isEqualTo(1);
    }

    @Test
    void at_2am_in_pakistan_cyberbullying_gets_the_closed_drf_line_only_with_an_open_alternative() throws Exception {
        HttpResponse<String> response = post("{\"user\":\"u-5\",\"id\":\"m-1\",\"text\":\"someone made a fake "
                + "account with my photos and is threatening to leak them\",\"country\":\"PK\"}");

        JsonNode helplines = JSON.readTree(response.body()).at("/replies/0/helplines");
        assertThat(helplines.findValuesAsText("id")).contains("pk-drf-cyber-harassment");
        for (JsonNode h : helplines) {
            if (h.get("id").asText().equals("pk-drf-cyber-harassment")) {
                assertThat(h.get("open_now").asBoolean()).isFalse();
                assertThat(h.get("next_opening").asText()).isEqualTo("2026-11-21T04:00:00Z");
            }
        }
        assertThat(helplines).anyMatch(h -> h.get("open_now").asBoolean());
    }

    @Test
    void a_crisis_at_2am_always_gets_an_open_line() throws Exception {
        for (String text : new String[] {"i want to die", "mujhe jeena nahi hai", "بدي انتحر", "میں مرنا چاہتا ہوں"}) {
            HttpResponse<String> response = post(JSON.writeValueAsString(java.util.Map.of("user", "u-" + text,
                    "id", "m-1", "text", text, "country", "PK")));
            assertThat(JSON.readTree(response.body()).at("/replies/0/helplines"))
                    .as(text).anyMatch(h -> h.get("open_now").asBoolean());
        }
    }

    @Test
    void repeated_message_id_returns_the_same_replies_and_records_nothing_new() throws Exception {
        HttpResponse<String> first = post(fixture("crisis-roman-urdu.json"));
        HttpResponse<String> second = post(fixture("crisis-roman-urdu.json"));

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).as("the stored answer, byte for byte").isEqualTo(first.body());
        assertThat(List.of(first, second)).allSatisfy(r -> assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json")));
        assertThat(Sqlite.count(data, "turns")).isEqualTo(1);
        assertThat(Sqlite.count(data, "processed_messages")).isEqualTo(1);
        assertThat(Sqlite.count(data, "escalations")).isEqualTo(1);
    }

    /**
     * A client that reuses an id for another text (a QA pass of s50: the second message, "i took all my pills", got
     * the first one's answer and was dropped) gets 409 with the reason, and nothing of it is stored; the same id with
     * its own text is still a redelivery, and the conversation goes on.
     */
    @Test
    void a_message_id_reused_for_another_text_is_a_409_and_changes_nothing() throws Exception {
        HttpResponse<String> first = post("{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hello\"}");
        HttpResponse<String> reused = post("{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"i took all my "
                + "pills\"}");

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(reused.body()).path("error").asText()).contains("message id was already used");
        assertThat(Sqlite.count(data, "turns")).isEqualTo(1);
        assertThat(Sqlite.count(data, "processed_messages")).isEqualTo(1);
        assertThat(Sqlite.count(data, "escalations")).isZero();

        HttpResponse<String> redelivered = post("{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hello\"}");
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).isEqualTo(first.body());
        HttpResponse<String> next = post("{\"user\":\"u-1\",\"id\":\"m-2\",\"text\":\"i took all my pills\"}");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(Sqlite.count(data, "turns")).isEqualTo(2);
    }

    @Test
    void same_message_id_from_another_user_is_a_new_message() throws Exception {
        post("{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hello\"}");
        post("{\"user\":\"u-2\",\"id\":\"m-1\",\"text\":\"hello\"}");

        assertThat(Sqlite.count(data, "turns")).isEqualTo(2);
        assertThat(Sqlite.count(data, "conversations")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "[\"an\", \"array\"]",
        "{\"user\":\"u-1\",\"id\":\"m-1\"}",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"   \"}",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":42}",
        "{\"id\":\"m-1\",\"text\":\"hello\"}",
        "{\"user\":\"u-1\",\"text\":\"hello\"}",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hello\",\"country\":\"XX\"}",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hello\",\"country\":7}",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hello\"} xyz",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hello\"}{\"a\":1}",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hello\",\"text\":\"i want to kill myself\"}",
        ""
    })
    void bad_input_gets_400_with_a_reason_and_stores_nothing(String body) throws Exception {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isNotBlank();
        assertNothingStored();
    }

    /**
     * Finding 10 of the s41 QA pass: content after the object, and a key given twice, were accepted; the second
     * {@code text} won, so the body answered as a crisis was not the one a reader of its first key would see.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hi\"} xyz",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hi\"}{\"a\":1}",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hi\",\"text\":\"i want to kill myself\"}",
        "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"hi\",\"meta\":{\"a\":1,\"a\":2}}"
    })
    void trailing_content_or_a_repeated_key_is_invalid_json(String body) throws Exception {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith("body is not valid JSON");
        assertNothingStored();
    }

    @Test
    void body_over_16_kib_gets_413_and_stores_nothing() throws Exception {
        String body = "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"" + "a".repeat(17 * 1024) + "\"}";

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("16384");
        assertNothingStored();
    }

    @Test
    void without_the_bearer_token_nobody_can_write_or_read_as_a_person() throws Exception {
        String body = fixture("crisis-roman-urdu.json");
        GenericClient wrong = new GenericClient(app.port(), "not-the-token-0123456789");

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/v1/messages")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = wrong.post(body);
        HttpResponse<String> read = wrong.poll("u1", 0);

        assertThat(List.of(missing.statusCode(), forged.statusCode(), read.statusCode())).containsOnly(401);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("Bearer");
        assertNothingStored();
    }

    @Test
    void the_generated_token_is_kept_owner_only_in_the_data_folder() throws Exception {
        Path file = data.resolve(GenericToken.FILE_NAME);

        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(GenericClient.token(data)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(person.poll("u1", 0).statusCode()).isEqualTo(200);
    }

    @Test
    void a_configured_token_is_the_one_that_works() throws Exception {
        app.stop();
        String token = "configured-token-0123456789";
        app = App.create(open(TestComponents.load(TestComponents.config(data.resolve("other")).withChannels(
                new ChannelsConfig(new ChannelsConfig.Generic(token), null, null, null)), TestComponents.analyser(),
                java.time.Clock.fixed(TestComponents.PK_NIGHT, java.time.ZoneOffset.UTC)))).start(0);

        assertThat(new GenericClient(app.port(), token).post(fixture("crisis-roman-urdu.json")).statusCode())
                .isEqualTo(200);
        assertThat(Files.exists(data.resolve("other").resolve(GenericToken.FILE_NAME))).isFalse();
    }

    @Test
    void unknown_path_is_a_json_404() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.port() + "/v1/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("not found");
    }

    /** Finding 16 of the s41 QA pass: a number too large to use was "not a number". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "99999999999999999999999|'after' is too large",
        "abc|'after' must be a number, 0 or more",
        "-1|'after' must be a number, 0 or more"
    })
    void a_poll_after_a_bad_sequence_number_says_what_is_wrong_with_it(String after, String reason) throws Exception {
        HttpResponse<String> response = person.send(person.request("/v1/messages?user=u1&after=" + after).GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith(reason);
    }

    /** Finding 16 of the s41 QA pass: PUT, DELETE, PATCH and OPTIONS on /v1/messages said "not found". */
    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "OPTIONS"})
    void a_method_the_channel_does_not_take_is_a_json_405_naming_the_ones_it_does(String method) throws Exception {
        HttpResponse<String> response = person.send(person.request("/v1/messages").method(method,
                HttpRequest.BodyPublishers.ofString(fixture("crisis-roman-urdu.json"))));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET", "POST");
        assertThat(JSON.readTree(response.body()).get("error").asText()).isNotBlank();
        assertNothingStored();
    }

    @Test
    void lowercase_country_is_accepted_and_routes_to_that_country() throws Exception {
        HttpResponse<String> response = post("{\"user\":\"u-9\",\"id\":\"m-1\",\"text\":\"i want to kill myself\","
                + "\"country\":\"us\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/replies/0/helplines/0/id").asText()).isEqualTo("us-988");
    }

    private void assertNothingStored() {
        assertThat(Sqlite.count(data, "turns")).isZero();
        assertThat(Sqlite.count(data, "processed_messages")).isZero();
        assertThat(Sqlite.count(data, "conversations")).isZero();
    }
}
