package org.saath.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.config.ConfigException;
import org.saath.config.SaathConfig;

/**
 * Behind the deployment's own reverse proxy ({@code server.trusted-proxies}) the per-address limits read the client
 * from {@code X-Forwarded-For}, so one client's wrong passwords do not lock out a counsellor signing in through the
 * same proxy; from anyone else the header is ignored, so a client cannot pick an address to step around a limit.
 */
class ClientAddressHttpTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String STRANGER = "203.0.113.7";
    private static final String SARA_AT_HER_DESK = "198.51.100.4";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    private void start(List<String> trustedProxies) throws Exception {
        SaathConfig config = TestComponents.config(dir.resolve("data")).withTrustedProxies(trustedProxies)
                .withPartnersFile(TestPartners.file(dir, "http://127.0.0.1:9/never", "secret-0123456789").toString());
        Components components = TestComponents.load(config, TestComponents.analyser(), Clock.systemUTC());
        components.console().counsellors().add("partner-a", "sara", Optional.of("Sara"), Optional.of(PASSWORD));
        app = App.create(components).start(0);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private int signIn(String password, String forwardedFor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/console/sign-in"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"sara\",\"password\":\"" + password + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void behind_a_trusted_proxy_a_stranger_s_guesses_lock_only_the_stranger() throws Exception {
        start(List.of("127.0.0.1"));
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("wrong password " + i, "10.9.9.9, " + STRANGER)).isEqualTo(401);
        }

        assertThat(signIn(PASSWORD, STRANGER)).isEqualTo(429);
        assertThat(signIn(PASSWORD, SARA_AT_HER_DESK)).isEqualTo(200);
    }

    @Test
    void from_anyone_else_the_header_is_ignored_and_cannot_step_around_the_limit() throws Exception {
        start(List.of());
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("wrong password " + i, "192.0.2." + i)).isEqualTo(401);
        }

        assertThat(signIn(PASSWORD, SARA_AT_HER_DESK)).as("the same connection address: still refused").isEqualTo(429);
    }

    @Test
    void a_trusted_proxy_that_is_not_an_address_stops_the_start_naming_the_key() {
        assertThatThrownBy(() -> TestComponents.config(dir.resolve("data"))
                .withTrustedProxies(List.of("proxy.example.org")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.trusted-proxies")
                .hasMessageContaining("proxy.example.org");
        assertThatThrownBy(() -> TestComponents.config(dir.resolve("data")).withTrustedProxies(List.of("300.1.1.1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.trusted-proxies");
    }
}
