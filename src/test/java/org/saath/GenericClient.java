package org.saath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.javalin.Javalin;
import org.saath.channel.generic.GenericToken;

/**
 * The generic channel as a deployment's own client uses it: every request carries the Bearer token that the app
 * generated into its data folder (or the one given).
 */
public final class GenericClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String token;

    public GenericClient(Javalin app, Path dataDir) {
        this(app.port(), token(dataDir));
    }

    public GenericClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** The token the app generated into {@code dataDir}. */
    public static String token(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve(GenericToken.FILE_NAME), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request to {@code pathAndQuery}, authorised. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token);
    }

    /** {@code POST /v1/messages} with {@code json}. */
    public HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return send(request("/v1/messages").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** {@code GET /v1/messages?user=…&after=…}. */
    public HttpResponse<String> poll(String user, long after) throws IOException, InterruptedException {
        return send(request("/v1/messages?user=" + user + "&after=" + after).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
