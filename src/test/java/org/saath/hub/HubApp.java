package org.saath.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.saath.App;
import org.saath.Components;
import org.saath.GenericClient;
import org.saath.TestComponents;
import org.saath.config.SaathConfig;

/** The real app on a free port with a real SQLite file, and a JDK HTTP client to talk to it. */
final class HubApp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Components components;
    final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    private HubApp(Components components) {
        this.components = components;
        this.app = App.create(components).start(0);
    }

    static HubApp of(Components components) {
        return new HubApp(components);
    }

    static HubApp start(Path dir, Clock clock) {
        return start(dir, clock, c -> c);
    }

    static HubApp start(Path dir, Clock clock, UnaryOperator<SaathConfig> config) {
        return new HubApp(TestComponents.load(config.apply(TestComponents.config(dir.resolve("data"))),
                TestComponents.analyser(), clock));
    }

    /** The generic channel's Bearer header, as a deployment's own client sends it to {@code /v1/messages}. */
    String[] generic() {
        return new String[] {"Authorization", "Bearer " + GenericClient.token(Path.of(components.config().dataDir()))};
    }

    String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    /** GET {@code path} with header name/value pairs. */
    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers)
            throws IOException, InterruptedException {
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        app.stop();
    }
}
