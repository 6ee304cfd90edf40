package org.saath.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.GenericClient;
import org.saath.TestComponents;
import org.saath.config.SaathConfig;

/** {@code POST /admin/reload}: guarded by the admin token; a bad rule book is refused and the old one stays. */
class AdminReloadHttpTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private void start(String token) throws IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.copy(Path.of("src/main/resources/rules.yaml"), rules);
        SaathConfig config = TestComponents.config(dir.resolve("data")).withAdminToken(token)
                .withRulesFile(rules.toString());
        app = App.create(TestComponents.load(config, TestComponents.analyser(),
                Clock.fixed(TestComponents.PK_AFTERNOON, ZoneOffset.UTC))).start(0);
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String greetingReply(String id) throws Exception {
        return new GenericClient(app, dir.resolve("data")).post("{\"user\":\"u-1\",\"id\":\"" + id
                + "\",\"text\":\"hello\"}").body();
    }

    @Test
    void without_the_right_token_reload_is_refused() throws Exception {
        start(TOKEN);

        assertThat(post("/admin/reload", "", null).statusCode()).isEqualTo(401);
        assertThat(post("/admin/reload", "", "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    }

    @Test
    void with_no_token_configured_the_admin_api_does_not_exist() throws Exception {
        start("");

        assertThat(post("/admin/reload", "", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void a_changed_rule_book_takes_effect_without_a_restart() throws Exception {
        start(TOKEN);
        assertThat(greetingReply("m-1")).contains("How are you feeling today?");
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, Files.readString(rules).replace("then: {template: greeting, next-state: open}",
                "then: {template: out_of_scope, next-state: open}"));

        HttpResponse<String> reload = post("/admin/reload", "", TOKEN);

        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(greetingReply("m-2")).contains("help with that").doesNotContain("How are you feeling");
    }

    @Test
    void a_bad_rule_book_is_refused_with_the_reason_and_the_old_one_stays() throws Exception {
        start(TOKEN);
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, Files.readString(rules).replace("template: greeting,", "template: nonexistent,"));

        HttpResponse<String> reload = post("/admin/reload", "", TOKEN);

        assertThat(reload.statusCode()).isEqualTo(422);
        assertThat(reload.body()).contains("unknown template 'nonexistent'").contains("rule 'greeting'");
        assertThat(greetingReply("m-1")).contains("How are you feeling today?");
    }
}
