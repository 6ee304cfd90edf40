package org.saath.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.javalin.Javalin;
import org.saath.App;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.config.SaathConfig;
import org.saath.outbox.MutableClock;
import org.saath.outbox.OutboxDispatcher;

/**
 * The real app on a free port with a real store (a SQLite file, or PostgreSQL when {@code configure} says so), its
 * platform channels pointed at fakes on loopback, a clock the test moves by hand, and the outbox dispatcher the
 * service runs (2 s backoff doubling to 5 min, 12 attempts).
 */
public final class PlatformRig implements AutoCloseable {

    public final MutableClock clock;
    public final Path data;
    public final Components components;
    public final Javalin app;
    public final OutboxDispatcher dispatcher;
    private final HttpClient http = HttpClient.newHttpClient();

    public PlatformRig(Path dir, Instant start, UnaryOperator<SaathConfig> configure) {
        clock = new MutableClock(start);
        data = dir.resolve("data");
        components = TestComponents.load(configure.apply(TestComponents.config(data)), TestComponents.analyser(), clock);
        app = App.create(components).start(0);
        dispatcher = new OutboxDispatcher(components.handoffs(), components.partners(), Optional.empty(),
                Optional.of(components.people()), http, clock, () -> 0.5, Duration.ofSeconds(2), 12,
                components.ops().metrics());                // as serve wires it
    }

    /** POSTs {@code body} to {@code path} with the given header name/value pairs. */
    public HttpResponse<String> post(String path, byte[] body, String... headers) throws IOException,
            InterruptedException {
        return post(path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    /**
     * POSTs {@code body} as a stream, without a Content-Length: the server reads it up to its limit before it answers,
     * so a refusal is read by the client. With the length said, a server that refuses by the header closes the
     * connection while a large body is still being sent, and the client may see the reset instead of the answer.
     */
    public HttpResponse<String> postStreamed(String path, byte[] body, String... headers) throws IOException,
            InterruptedException {
        return post(path, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)),
                headers);
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .POST(body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** One pass of the dispatcher, as the service runs every second. */
    public void dispatch() {
        dispatcher.dispatchDue();
    }

    /** Runs the dispatcher every {@code step} for {@code total}, moving the clock. */
    public void dispatchFor(Duration total, Duration step) {
        for (Duration spent = Duration.ZERO; spent.compareTo(total) <= 0; spent = spent.plus(step)) {
            dispatcher.dispatchDue();
            clock.advance(step);
        }
    }

    public long count(String table) {
        return Long.parseLong(strings("SELECT COUNT(*) FROM " + table).get(0));
    }

    /** The first column of {@code query}'s rows, read through the app's own store (SQLite or PostgreSQL). */
    public List<String> strings(String query) {
        return components.database().read(sql -> sql.list(query, rs -> rs.getString(1)));
    }

    /** The rows that hold anything about a person: all empty after a refused request. */
    public long storedAboutPeople() {
        return count("turns") + count("processed_messages") + count("conversations") + count("channel_addresses")
                + count("outbox");
    }

    @Override
    public void close() {
        app.stop();
        components.database().close();
    }

    /** How a turn stores a platform's message id: its keyed hash (a WhatsApp wamid holds the person's number). */
    public String storedId(String channel, String userId, String messageId) {
        org.saath.privacy.UserRefHasher hasher = Components.existingHasher(components.config());
        return hasher.messageKey(channel, hasher.hash(channel, userId), messageId);
    }
}
