package org.saath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saath.App;
import org.saath.Components;
import org.saath.HttpCalls;
import org.saath.TestComponents;
import org.saath.TestStores;
import org.saath.config.SaathConfig;
import org.saath.store.OutboxRow;

/**
 * {@code /health/live} and {@code /health/ready} over HTTP, on SQLite and on a real PostgreSQL: ready on a good
 * start; 503 naming the failing check when the outbox is stuck, when the schema misses a migration, or when the
 * store does not answer.
 */
class HealthHttpTest {

    @TempDir
    Path dir;
    private Components components;
    private Javalin app;
    private HttpCalls calls;

    private void start(TestStores.Kind kind) {
        components = TestComponents.load(TestStores.on(TestComponents.config(dir.resolve("data")),
                        TestStores.fresh(kind, dir.resolve("data"), "health"))
                .withHealth(new SaathConfig.Health(Duration.ofMinutes(5))), TestComponents.analyser(),
                Clock.systemUTC());
        app = App.create(components).start(0);
        calls = new HttpCalls(app, dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
            components.database().close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void live_and_ready_on_a_good_start(TestStores.Kind kind) {
        start(kind);
        HttpResponse<String> live = calls.get("/health/live", null);
        HttpResponse<String> ready = calls.get("/health/ready", null);

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.json(live).get("status").asText()).isEqualTo("up");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = HttpCalls.json(ready);
        assertThat(body.get("status").asText()).isEqualTo("ready");
        assertThat(body.at("/checks/store/ok").asBoolean()).isTrue();
        assertThat(body.at("/checks/migrations/pending").asInt()).isZero();
        assertThat(body.at("/checks/model/version").asText()).isEqualTo(components.model().get().modelVersion());
        assertThat(body.at("/checks/outbox/ok").asBoolean()).isTrue();
        assertThat(calls.get("/health", null).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_delivery_due_for_longer_than_the_limit_makes_it_not_ready(TestStores.Kind kind) {
        start(kind);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(6));
        components.handoffs().enqueue(new OutboxRow("ob-stuck", "key-stuck", "conv-x", "partner", "partner-a", "{}",
                "pending", 0, longAgo, longAgo));

        HttpResponse<String> ready = calls.get("/health/ready", null);

        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode body = HttpCalls.json(ready);
        assertThat(body.get("status").asText()).isEqualTo("not_ready");
        assertThat(body.at("/checks/outbox/ok").asBoolean()).isFalse();
        assertThat(body.at("/checks/outbox/oldest_due_wait_seconds").asLong()).isGreaterThanOrEqualTo(360);
        assertThat(body.at("/checks/store/ok").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_delivery_waiting_for_its_next_attempt_is_not_stuck(TestStores.Kind kind) {
        start(kind);
        Instant created = Instant.now().minus(Duration.ofHours(1));
        components.handoffs().enqueue(new OutboxRow("ob-later", "key-later", "conv-x", "partner", "partner-a", "{}",
                "pending", 3, Instant.now().plus(Duration.ofMinutes(4)), created));

        assertThat(calls.get("/health/ready", null).statusCode()).isEqualTo(200);
    }

    /**
     * A platform down: the first part of a reply retries with backoff, and the second, queued behind it for the same
     * person, is due but waits for the first, not for the dispatcher (the QA pass of 6 December: every node went not
     * ready five minutes into a Telegram outage).
     */
    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_delivery_queued_behind_one_waiting_for_its_next_attempt_is_not_stuck(TestStores.Kind kind) {
        start(kind);
        Instant created = Instant.now().minus(Duration.ofMinutes(30));
        components.handoffs().enqueue(new OutboxRow("ob-part-1", "key-part-1", "conv-y", "person", "telegram", "{}",
                "pending", 8, Instant.now().plus(Duration.ofMinutes(4)), created));
        components.handoffs().enqueue(new OutboxRow("ob-part-2", "key-part-2", "conv-y", "person", "telegram", "{}",
                "pending", 0, created, created));

        assertThat(calls.get("/health/ready", null).statusCode()).isEqualTo(200);

        // the same second part with nothing before it is stuck
        components.handoffs().enqueue(new OutboxRow("ob-alone", "key-alone", "conv-z", "person", "telegram", "{}",
                "pending", 0, created, created));
        assertThat(calls.get("/health/ready", null).statusCode()).isEqualTo(503);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_schema_missing_a_migration_is_not_ready(TestStores.Kind kind) {
        start(kind);
        components.database().write(sql -> sql.update("DELETE FROM flyway_schema_history WHERE installed_rank = "
                + "(SELECT MAX(installed_rank) FROM flyway_schema_history)"));

        HttpResponse<String> ready = calls.get("/health/ready", null);

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(HttpCalls.json(ready).at("/checks/migrations/pending").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void a_store_that_does_not_answer_is_not_ready_but_the_process_is_live(TestStores.Kind kind) {
        start(kind);
        components.database().close();      // every connection gone, as when the database is down

        HttpResponse<String> ready = calls.get("/health/ready", null);

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(HttpCalls.json(ready).at("/checks/store/ok").asBoolean()).isFalse();
        assertThat(calls.get("/health/live", null).statusCode()).isEqualTo(200);
    }
}
