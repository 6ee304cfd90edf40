package org.saath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;

/**
 * Plain HTTP calls to a test's running app: any method, an optional bearer token, the answer as it came. Calls to
 * the generic channel ({@code /v1/messages}) without a token of their own carry the one the app generated into its
 * data folder, as a deployment's client does.
 */
public final class HttpCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Javalin app;
    private final String genericToken;

    public HttpCalls(Javalin app, Path dataDir) {
        this.app = app;
        this.genericToken = GenericClient.token(dataDir);
    }

    public HttpResponse<String> get(String path, String bearer) {
        return call("GET", path, null, bearer);
    }

    public HttpResponse<String> post(String path, String body, String bearer) {
        return call("POST", path, body, bearer);
    }

    /** {@code POST /v1/messages} for the generic channel. */
    public HttpResponse<String> message(String user, String id, String text, String country) {
        try {
            return post("/v1/messages", JSON.writeValueAsString(Map.of("user", user, "id", id, "text", text,
                    "country", country)), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> call(String method, String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        String token = bearer == null && path.startsWith("/v1/messages") ? genericToken : bearer;
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
