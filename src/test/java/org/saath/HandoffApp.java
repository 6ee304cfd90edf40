package org.saath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.saath.outbox.MutableClock;
import org.saath.outbox.OutboxDispatcher;
import org.saath.outbox.PartnerEndpoint;
import org.saath.store.Database;

/**
 * The real app over HTTP for the handoff tests: the partners of {@link TestPartners} (A for Pakistan, with a webhook
 * at a local {@link PartnerEndpoint}; B for the UAE, console only) on a store of the given kind, a clock the test
 * moves, the person's and the partners' calls, and what the store holds afterwards (every row of every table; on
 * SQLite also every byte of its files).
 */
public final class HandoffApp implements AutoCloseable {

    public static final String KEY_A = TestPartners.KEY_A;
    public static final String KEY_B = TestPartners.KEY_B;
    private static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock;
    private final Path data;
    private final PartnerEndpoint endpoint;
    private final Components components;
    private final Javalin app;
    private final OutboxDispatcher dispatcher;

    private HandoffApp(TestStores.Kind kind, Path dir, Instant now, String name) throws IOException {
        this.clock = new MutableClock(now);
        this.data = dir.resolve("data");
        this.endpoint = new PartnerEndpoint("partner-a-webhook-secret");
        Path partners = TestPartners.file(dir, endpoint.url(), endpoint.secret());
        this.components = TestComponents.load(TestStores.on(TestComponents.config(data), TestStores.fresh(kind, data, name))
                .withPartnersFile(partners.toString()), TestComponents.analyser(), clock);
        this.app = App.create(components).start(0);
        this.dispatcher = new OutboxDispatcher(components.handoffs(), components.partners(), http, clock, () -> 0.5,
                Duration.ofMillis(1), 5);
    }

    /** Starts the app on a fresh store of {@code kind} (a PostgreSQL test is skipped, with the reason, without one). */
    public static HandoffApp start(TestStores.Kind kind, Path dir, Instant now, String name) throws IOException {
        return new HandoffApp(kind, dir, now, name);
    }

    public Components components() {
        return components;
    }

    public MutableClock clock() {
        return clock;
    }

    /** The generic channel's Bearer token, as the deployment's own client reads it from the data folder. */
    public String genericToken() {
        return GenericClient.token(data);
    }

    public int port() {
        return app.port();
    }

    /** A message from a person in Pakistan through the generic channel; 200 expected. */
    public JsonNode send(String user, String id, String text) throws Exception {
        return send(user, id, text, "PK");
    }

    /** As the deployment's own client sends it: with the generic channel's token from the data folder. */
    public JsonNode send(String user, String id, String text, String country) throws Exception {
        return call("POST", "/v1/messages", Map.of("user", user, "id", id, "text", text, "country", country),
                GenericClient.token(data), 200);
    }

    public HttpResponse<String> raw(String method, String path, Object body, String token, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call that must answer {@code status}; its JSON body. */
    public JsonNode call(String method, String path, Object body, String token, int status) throws Exception {
        HttpResponse<String> response = raw(method, path, body, token, null);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** A counsellor of {@code partner}, signed in to the console: their session token. */
    public String signedIn(String partner, String login) throws Exception {
        components.console().counsellors().add(partner, login, Optional.of(login), Optional.of(PASSWORD));
        return call("POST", "/v1/console/sign-in", Map.of("login", login, "password", PASSWORD), null, 200)
                .get("token").asText();
    }

    /** Delivers what is due from the outbox; everything partner A's webhook has received so far. */
    public List<PartnerEndpoint.Received> delivered() {
        dispatcher.dispatchDue();
        return endpoint.received();
    }

    /** Every row of every table of the store (see {@link StoreRows}). */
    public Map<String, List<String>> rows() {
        return StoreRows.of(components.database());
    }

    /** SQLite: every byte of the store's files (database, WAL, shared memory), not only what queries return. */
    public String storeBytes() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(Database.SQLITE_FILE)).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        app.stop();
        endpoint.close();
        components.database().close();
    }
}
