package org.saath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.GenericClient;
import org.saath.HttpCalls;
import org.saath.TestComponents;
import org.saath.TestPartners;

/**
 * {@code HEAD} over HTTP answers as {@code GET} would, without a body: the same token checks, the same validation,
 * the same headers. Finding 11 of the s41 QA pass: {@code HEAD /v1/messages} without a token and
 * {@code HEAD /v1/helplines?country=ZZ&topic=x} were 200, where {@code GET} gives 401 and 400.
 */
class HeadRequestsHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private Javalin app;
    private HttpCalls calls;

    @BeforeEach
    void start() throws Exception {
        app = TestComponents.startWithPartners(dir);
        calls = new HttpCalls(app, dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> head(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void head_on_the_generic_channel_needs_the_token_and_valid_parameters_like_get() throws Exception {
        String token = GenericClient.token(dir.resolve("data"));

        assertThat(head("/v1/messages?user=u1&after=0", null).statusCode()).isEqualTo(401);
        assertThat(head("/v1/messages?user=u1&after=0", "not-the-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(head("/v1/messages?after=0", token).statusCode()).isEqualTo(400);
        HttpResponse<String> allowed = head("/v1/messages?user=u1&after=0", token);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEmpty();
    }

    @Test
    void head_on_the_directory_api_is_validated_and_carries_get_s_headers() throws Exception {
        assertThat(head("/v1/helplines?country=ZZ&topic=x", null).statusCode()).isEqualTo(400);

        HttpResponse<String> get = calls.get("/v1/helplines?country=PK&topic=crisis", null);
        HttpResponse<String> head = head("/v1/helplines?country=PK&topic=crisis", null);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("ETag")).isPresent().isEqualTo(get.headers().firstValue("ETag"));
    }

    @Test
    void head_on_the_partner_api_needs_its_key_and_answers_as_get() throws Exception {
        assertThat(head("/v1/partner/escalations", null).statusCode()).isEqualTo(401);
        assertThat(head("/v1/partner/escalations", TestPartners.KEY_A).statusCode()).isEqualTo(200);
        assertThat(head("/v1/partner/escalations/esc-none/transcript", TestPartners.KEY_A).statusCode())
                .isEqualTo(404);
    }

    @Test
    void head_keeps_working_on_the_hub_pages_and_health_with_their_own_content_type() throws Exception {
        HttpResponse<String> help = head("/help?country=PK&lang=en", null);

        assertThat(help.statusCode()).isEqualTo(200);
        assertThat(help.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(help.body()).isEmpty();
        assertThat(head("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(head("/nothing-here", null).statusCode()).isEqualTo(404);
    }

    @Test
    void head_on_the_event_stream_is_405() throws Exception {
        String token = HttpCalls.json(calls.post("/v1/partner/stream-token", null, TestPartners.KEY_A))
                .get("token").asText();

        HttpResponse<String> response = head("/v1/partner/stream?token=" + token, null);

        assertThat(response.statusCode()).isEqualTo(405);
    }
}
