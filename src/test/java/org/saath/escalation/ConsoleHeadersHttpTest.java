package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.GenericClient;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.config.SaathConfig;

/**
 * The console and the JSON API send the headers that keep a browser from running, framing, sniffing or leaking
 * anything it should not; the console page carries no inline code for its policy to allow; and one key cannot
 * hold more than {@code limits.streams-per-key} event streams open.
 */
class ConsoleHeadersHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<InputStream> streams = new ArrayList<>();

    @TempDir
    Path dir;
    private Javalin app;

    @BeforeEach
    void start() throws Exception {
        SaathConfig config = TestComponents.config(dir.resolve("data"))
                .withPartnersFile(TestPartners.file(dir, "http://127.0.0.1:9/hook", "partner-a-webhook-secret")
                        .toString()).withLimits(new SaathConfig.Limits(30, 3, Duration.ofHours(24), 2));
        app = App.create(TestComponents.load(config, TestComponents.analyser(), Clock.systemUTC())).start(0);
    }

    @AfterEach
    void stop() throws Exception {
        for (InputStream stream : streams) {
            stream.close();
        }
        app.stop();
    }

    @Test
    void the_console_runs_only_its_own_script_and_style_and_cannot_be_framed() throws Exception {
        HttpResponse<String> page = get("/console", null);

        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertHardened(page.headers());
        assertThat(page.body()).contains("<script src=\"/console/console.js\"></script>",
                "<link rel=\"stylesheet\" href=\"/console/console.css\">")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]").doesNotContain("<style", " style=")
                .doesNotContainPattern(" on[a-z]+=");
        for (String[] asset : new String[][] {{"console.js", "text/javascript"}, {"console.css", "text/css"}}) {
            HttpResponse<String> file = get("/console/" + asset[0], null);
            assertThat(file.statusCode()).as(asset[0]).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith(asset[1]);
            assertHardened(file.headers());
        }
        assertThat(get("/console/index.html.bak", null).statusCode()).isEqualTo(404);
        assertThat(get("/console/..%2Fsaath.yaml", null).statusCode()).isIn(400, 404);
    }

    /** The generic channel's refusals (no token: 401; with it, a bad poll: 400) are hardened JSON like the rest. */
    @Test
    void json_answers_may_not_be_rendered_framed_sniffed_or_cached() throws Exception {
        String generic = GenericClient.token(dir.resolve("data"));
        HttpResponse<String> noToken = get("/v1/messages?user=u-1&after=0", null);
        HttpResponse<String> badPoll = get("/v1/messages?user=u-1&after=x", generic);
        assertThat(List.of(noToken.statusCode(), badPoll.statusCode())).containsExactly(401, 400);
        for (HttpResponse<String> response : List.of(get("/health", null), get("/v1/nothing", null), noToken,
                badPoll, get("/v1/partner/escalations", null))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .contains("default-src 'none'; frame-ancestors 'none'");
            assertHardened(response.headers());
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            JSON.readTree(response.body());
        }
    }

    @Test
    void one_key_holds_at_most_the_configured_number_of_event_streams() throws Exception {
        String token = token(TestPartners.KEY_A);
        assertThat(openStream(token).statusCode()).isEqualTo(200);
        assertThat(openStream(token).statusCode()).isEqualTo(200);

        HttpResponse<InputStream> third = openStream(token);

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(third.body()).get("error").asText()).contains("at most 2 event streams");
        assertThat(openStream(token(TestPartners.KEY_B)).statusCode()).as("another key has its own").isEqualTo(200);
        HttpResponse<InputStream> unknown = openStream("not-a-token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("stream token");
    }

    private static void assertHardened(HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
    }

    private String token(String key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/partner/stream-token"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("token").asText();
    }

    /**
     * Opens a stream as EventSource does (with {@code Accept: text/event-stream}) and returns once its headers
     * arrived; the body is closed after the test.
     */
    private HttpResponse<InputStream> openStream(String token) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/v1/partner/stream?token="
                + token)).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200) {
            streams.add(response.body());
        }
        return response;
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }
}
