package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.HandoffApp;
import org.saath.TestComponents;
import org.saath.TestStores;

/**
 * An {@code Idempotency-Key} is bound to its call and its body, over HTTP on SQLite and PostgreSQL: the same key
 * with the same body replays the first answer; with another body it is refused and nothing is sent.
 */
class IdempotencyKeyHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private HandoffApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /**
     * QA pass 2, finding 3: a counsellor's second, different message sent under the first one's key was answered
     * 200 "replayed" and never reached the person, while the console showed it as sent.
     */
    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestStores.Kind.class)
    void a_repeated_key_with_another_body_is_refused_and_sends_nothing(TestStores.Kind kind) throws Exception {
        app = HandoffApp.start(kind, dir, TestComponents.PK_NIGHT, "idempotency_body_" + kind.name().toLowerCase());
        String token = app.signedIn("partner-a", "alice");
        String id = app.send("u-1", "m-1", "i want to kill myself").at("/escalation/id").asText();
        app.call("POST", "/v1/partner/escalations/" + id + "/claim", null, token, 200);
        String path = "/v1/partner/escalations/" + id + "/messages";
        HttpResponse<String> first = app.raw("POST", path, Map.of("text", "Hi, I am Alice. I am here with you."),
                token, "msg-00000001");
        List<String> sent = app.rows().get("user_messages");

        HttpResponse<String> same = app.raw("POST", path, Map.of("text", "Hi, I am Alice. I am here with you."),
                token, "msg-00000001");
        HttpResponse<String> other = app.raw("POST", path, Map.of("text", "different"), token, "msg-00000001");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.body()).isEqualTo(first.body());
        assertThat(same.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(JSON.readTree(other.body()).get("error").asText()).contains("another body");
        assertThat(other.headers().firstValue("Idempotent-Replayed")).as("a refusal, not a replay").isEmpty();
        assertThat(app.rows().get("user_messages")).as("nothing more was sent").isEqualTo(sent);
        assertThat(app.raw("POST", path, Map.of("text", "different"), token, "msg-00000002").statusCode())
                .as("the second message under a key of its own").isEqualTo(200);
        assertThat(app.rows().get("user_messages")).hasSize(sent.size() + 1);
    }
}
