package org.saath.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.GenericClient;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.config.SaathConfig;
import org.saath.outbox.MutableClock;

/**
 * Limits that protect everyone from one sender and never silence a person in crisis, over real HTTP: a flood gets
 * 429 with {@code Retry-After} and stores nothing, but a crisis inside the flood gets its crisis line; fake crises
 * cannot open escalation after escalation, yet each still gets the crisis reply and an open line.
 */
class SenderLimitsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(TestComponents.PK_NIGHT);

    @TempDir
    Path data;
    private Javalin app;

    @BeforeEach
    void start() throws Exception {
        SaathConfig config = TestComponents.config(data).withLimits(new SaathConfig.Limits(3, 1, Duration.ofHours(24),
                5)).withPartnersFile(TestPartners.file(data, "http://localhost:9/unused", "partner-a-webhook-secret")
                .toString());
        app = App.create(TestComponents.load(config, TestComponents.analyser(), clock)).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void a_flood_gets_429_with_retry_after_and_stores_nothing_until_the_bucket_refills() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(post("u-1", "m-" + i, "hello there").statusCode()).isEqualTo(200);
        }
        long turns = Sqlite.count(data, "turns");

        HttpResponse<String> refused = post("u-1", "m-4", "hello again");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("20");
        assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("too many messages");
        assertThat(Sqlite.count(data, "turns")).isEqualTo(turns);
        assertThat(post("u-2", "m-1", "hello").statusCode()).as("another sender is not affected").isEqualTo(200);

        clock.advance(Duration.ofSeconds(20));
        assertThat(post("u-1", "m-4", "hello again").statusCode()).isEqualTo(200);
    }

    /**
     * Finding 5 of the s41 QA pass: repeats of an answered id counted against the sender, and the 31st got 429
     * instead of the answer it had been given, though a duplicate id gets the same answer as the first.
     */
    @Test
    void a_message_answered_before_gets_its_stored_answer_whatever_the_limit() throws Exception {
        HttpResponse<String> first = post("u-1", "m-1", "hello there");
        for (int i = 2; i <= 3; i++) {
            assertThat(post("u-1", "m-" + i, "hello there").statusCode()).isEqualTo(200);
        }
        long turns = Sqlite.count(data, "turns");

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> again = post("u-1", "m-1", "hello there");

            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(first.body()));
        }
        assertThat(post("u-1", "m-4", "hello again").statusCode()).as("a new message is still limited")
                .isEqualTo(429);
        assertThat(Sqlite.count(data, "turns")).isEqualTo(turns);
    }

    /**
     * Finding 5 of the s41 QA pass, its other half: under the limit, each repeat of an answered id still took one of
     * the sender's messages, so a client retrying one message could lock the same person's next new message out.
     * Repeats are now not counted at all; new ids still are.
     */
    @Test
    void repeats_of_an_answered_id_use_up_none_of_the_sender_s_limit() throws Exception {
        HttpResponse<String> first = post("u-1", "m-1", "hello there");
        assertThat(post("u-1", "m-2", "how are you").statusCode()).isEqualTo(200);

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> again = post("u-1", "m-1", "hello there");

            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(first.body()));
        }
        assertThat(post("u-1", "m-3", "i am stressed about work").statusCode()).as("the third new message of three")
                .isEqualTo(200);
        assertThat(post("u-1", "m-4", "hello again").statusCode()).as("a fourth new one is over the limit")
                .isEqualTo(429);
        assertThat(Sqlite.count(data, "turns")).isEqualTo(3);
    }

    @Test
    void a_crisis_inside_a_flood_still_gets_the_crisis_reply_with_an_open_line() throws Exception {
        for (int i = 1; i <= 5; i++) {
            post("u-1", "m-" + i, "hello there");
        }

        HttpResponse<String> crisis = post("u-1", "m-6", "i want to kill myself tonight");

        assertThat(crisis.statusCode()).isEqualTo(200);
        JsonNode first = JSON.readTree(crisis.body()).at("/replies/0");
        assertThat(first.at("/helplines/0/open_now").asBoolean()).isTrue();
        assertThat(first.get("text").asText()).contains(first.at("/helplines/0/contacts/0/value").asText());
    }

    /** Twelve fake crises from one sender filled every partner's capacity: "delete my data" and start again. */
    @Test
    void past_the_escalation_limit_a_crisis_gets_its_lines_but_opens_no_new_escalation() throws Exception {
        JsonNode first = JSON.readTree(post("u-1", "m-1", "i want to kill myself tonight").body());
        assertThat(first.at("/escalation/state").asText()).isEqualTo("offered");
        post("u-1", "m-2", "delete my data");
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> again = post("u-1", "m-3", "i want to kill myself tonight");

        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(again.body());
        assertThat(body.get("escalation").isNull()).isTrue();
        assertThat(body.at("/replies/0/helplines")).anyMatch(h -> h.get("open_now").asBoolean());
        assertThat(Sqlite.count(data, "escalations")).isZero();
        assertThat(JSON.readTree(post("u-2", "m-1", "i want to kill myself tonight").body())
                .at("/escalation/state").asText()).as("another sender still escalates").isEqualTo("offered");
    }

    /** Past the escalation limit nobody is asked, so the reply says no counsellor is available and promises none. */
    @Test
    void past_the_escalation_limit_the_reply_never_promises_a_counsellor() throws Exception {
        assertThat(text(post("u-1", "m-1", "please let me talk to a human"))).contains("asked a human counsellor");
        post("u-1", "m-2", "delete my data");
        clock.advance(Duration.ofMinutes(1));

        String asked = text(post("u-1", "m-3", "please let me talk to a human"));
        clock.advance(Duration.ofMinutes(1));
        String crisis = text(post("u-1", "m-4", "i want to kill myself tonight"));

        for (String reply : new String[] {asked, crisis}) {
            assertThat(reply).containsIgnoringCase("no counsellor is available through Saath right now")
                    .doesNotContain("I'll ask", "I've asked", "I'm asking", "may the counsellor read");
        }
        assertThat(Sqlite.count(data, "escalations")).isZero();
    }

    private static String text(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("replies").toString();
    }

    private HttpResponse<String> post(String user, String id, String text) throws Exception {
        return new GenericClient(app, data).post(JSON.writeValueAsString(Map.of("user", user, "id", id,
                "text", text, "country", "PK")));
    }
}
