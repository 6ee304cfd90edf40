package org.saath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.HandoffApp;
import org.saath.HandoffApps;
import org.saath.TestComponents;
import org.saath.TestStores;

/**
 * Values a database will not keep are the sender's fault, answered with a 400 that changes nothing, on both stores:
 * a NUL character (PostgreSQL cannot store one; it failed the turn with a 503 that invites the same retry forever),
 * half of a surrogate pair (UTF-8 cannot encode it, so two ids would hash alike), and a path too long for the
 * column that keeps a partner's idempotent requests.
 */
class UnstorableInputHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final HandoffApps apps = new HandoffApps();

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestStores.Kind.class)
    void a_nul_or_half_a_surrogate_pair_is_refused_naming_the_field_and_stores_nothing(TestStores.Kind kind)
            throws Exception {
        HandoffApp app = apps.start(kind, TestComponents.PK_NIGHT, "unstorable");
        String token = app.genericToken();
        Map<String, List<String>> before = app.rows();

        // as JSON escapes: a Java string with half a pair would be sent as "?" by the client's own UTF-8 encoder
        for (String body : List.of(
                "{\"user\":\"u-1\",\"id\":\"m-1\",\"text\":\"i want to die\\u0000 tonight\"}",
                "{\"user\":\"u-1\",\"id\":\"m-\\u0000\",\"text\":\"hello\"}",
                "{\"user\":\"u-\\ud800\",\"id\":\"m-2\",\"text\":\"hello\"}",
                "{\"user\":\"u-1\",\"id\":\"m-3\",\"text\":\"hello \\udc00\"}")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.port() + "/v1/messages"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).as(body)
                    .containsAnyOf("'text'", "'id'", "'user'").containsAnyOf("NUL", "surrogate");
        }
        HttpResponse<String> signIn = app.raw("POST", "/v1/console/sign-in",
                Map.of("login", "sara\u0000", "password", "whatever it is"), null, null);
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(app.rows()).as("nothing changed").isEqualTo(before);

        // a whole pair is a character like any other
        assertThat(app.send("u-1", "m-4", "thank you \uD83D\uDE4F").get("replies")).isNotEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestStores.Kind.class)
    void a_partner_request_too_long_for_the_store_is_a_4xx_not_a_store_failure(TestStores.Kind kind)
            throws Exception {
        HandoffApp app = apps.start(kind, TestComponents.PK_NIGHT, "long-path");

        HttpResponse<String> response = app.raw("POST", "/v1/partner/escalations/" + "e".repeat(250) + "/claim",
                null, HandoffApp.KEY_A, "key-12345678");

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    }
}
