package org.saath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.config.ChannelsConfig;
import org.saath.escalation.PartnerDirectory;
import org.saath.outbox.MutableClock;
import org.saath.outbox.OutboxDispatcher;
import org.saath.outbox.PartnerEndpoint;

/**
 * Two app instances on one PostgreSQL, as behind a load balancer: every delivery goes out once (raw requests
 * counted, repeats included) while both dispatch at once, a lapsed offer is moved once while both expire at once,
 * a console sign-in made on one node works on the other, and a counsellor's retried action acts once whichever
 * nodes the copies reach.
 */
class TwoNodesHttpTest {

    private static final String KEY_A = "partner-a-key-0123456789";
    /** Nodes behind one load balancer share the generic channel's token, as they share the other secrets. */
    private static final String GENERIC_TOKEN = "generic-token-shared-by-both-nodes";
    private static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private final List<Components> nodes = new ArrayList<>();
    private final List<Javalin> apps = new ArrayList<>();
    private PartnerEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        String url = TestStores.postgres("two_nodes");
        endpoint = new PartnerEndpoint("partner-a-webhook-secret");
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: partner-a, name: A, countries: [PK], capacity: 50, acceptance-deadline: PT5M,
                     api-key-sha256: %s, fallback: partner-b,
                     webhook: {url: "%s", secret: "partner-a-webhook-secret"}}
                  - {id: partner-b, name: B, countries: [PK], capacity: 50, api-key-sha256: %s}
                """.formatted(PartnerDirectory.sha256(KEY_A), endpoint.url(), PartnerDirectory.sha256("b-key-012345")));
        for (int i = 0; i < 2; i++) {
            Components node = TestComponents.load(TestStores.on(TestComponents.config(dir.resolve("node-" + i)),
                    new org.saath.config.SaathConfig.Store(url, "", "", 4)).withPartnersFile(partners.toString())
                    .withChannels(new ChannelsConfig(new ChannelsConfig.Generic(GENERIC_TOKEN), null, null, null)),
                    TestComponents.analyser(), clock);
            nodes.add(node);
            apps.add(App.create(node).start(0));
        }
    }

    @AfterEach
    void stop() {
        apps.forEach(Javalin::stop);
        nodes.forEach(n -> n.database().close());
        endpoint.close();
    }

    private JsonNode post(int node, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + apps.get(node).port()
                + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(int node, String path, String body, String token, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + apps.get(node).port()
                + path)).POST(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + token);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> crises(int people) throws Exception {
        List<String> escalations = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            escalations.add(post(i % 2, "/v1/messages", JSON.writeValueAsString(Map.of("user", "u-" + i, "id", "m-1",
                    "text", "i want to kill myself", "country", "PK")), GENERIC_TOKEN).get("escalation").get("id")
                    .asText());
        }
        return escalations;
    }

    private OutboxDispatcher dispatcher(Components node) {
        return new OutboxDispatcher(node.handoffs(), node.partners(), http, clock, () -> 0.5, Duration.ofSeconds(1),
                5);
    }

    @Test
    void both_nodes_dispatching_at_once_send_every_delivery_once() throws Exception {
        List<String> escalations = crises(20);
        OutboxDispatcher one = dispatcher(nodes.get(0));
        OutboxDispatcher two = dispatcher(nodes.get(1));

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(one::dispatchDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(two::dispatchDue);

        assertThat(a.join() + b.join()).isEqualTo(20);
        assertThat(endpoint.received()).hasSize(20);
        assertThat(endpoint.received()).extracting(PartnerEndpoint.Received::deliveryId)
                .containsExactlyInAnyOrderElementsOf(escalations.stream().map(e -> e + ":offered:partner-a:v1").toList());
        assertThat(nodes.get(0).handoffs().backlog()).isZero();
    }

    @Test
    void both_nodes_expiring_at_once_move_each_lapsed_offer_once() throws Exception {
        List<String> escalations = crises(10);
        clock.advance(Duration.ofMinutes(6));

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(nodes.get(0).desk()::expireLapsedOffers);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(nodes.get(1).desk()::expireLapsedOffers);

        assertThat(a.join() + b.join()).isEqualTo(10);
        for (String id : escalations) {
            assertThat(nodes.get(1).handoffs().events(id)).containsExactly("null>requested by saath",
                    "requested>offered by saath", "offered>offered by lapsed:partner-a");
        }
        assertThat(nodes.get(0).handoffs().load("partner-a")).isZero();
        assertThat(nodes.get(0).handoffs().load("partner-b")).isEqualTo(10);
    }

    @Test
    void a_console_sign_in_on_one_node_opens_the_event_stream_on_the_other() throws Exception {
        crises(1);
        String token = post(0, "/v1/partner/stream-token", "", KEY_A).get("token").asText();

        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + apps.get(1).port() + "/v1/partner/stream?token=" + token)).header("Accept", "text/event-stream")
                .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String event;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            event = lines.readLine();
            while (event != null && !event.startsWith("event:")) {
                event = lines.readLine();
            }
        }

        assertThat(event).isEqualTo("event: state");
    }

    @Test
    void a_counsellor_works_on_either_node_and_a_retried_action_acts_once_across_nodes() throws Exception {
        String escalation = crises(1).get(0);
        String sara = nodes.get(0).console().counsellors().add("partner-a", "sara", Optional.of("Sara"),
                Optional.of(PASSWORD)).counsellor().id();
        String session = post(0, "/v1/console/sign-in", JSON.writeValueAsString(Map.of("login", "sara", "password",
                PASSWORD)), null).get("token").asText();
        String claim = "/v1/partner/escalations/" + escalation + "/claim";

        List<HttpResponse<String>> copies = Concurrently.together(() -> send(0, claim, "", session, "claim-0001"),
                () -> send(1, claim, "", session, "claim-0001"));
        HttpResponse<String> retried = send(1, claim, "", session, "claim-0001");
        send(1, "/v1/partner/escalations/" + escalation + "/messages", "{\"text\":\"I'm Sara, I'm here.\"}", session,
                null);
        HttpResponse<String> resolved = send(0, "/v1/partner/escalations/" + escalation + "/resolve",
                "{\"outcome\":\"referred\"}", session, "resolve-0001");

        assertThat(copies).extracting(HttpResponse::statusCode).contains(200).allMatch(s -> s == 200 || s == 409);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(nodes.get(1).handoffs().events(escalation)).containsExactly("null>requested by saath",
                "requested>offered by saath", "offered>claimed by counsellor:" + sara,
                "claimed>active by counsellor:" + sara, "active>resolved by counsellor:" + sara);
        Optional<String> outcome = nodes.get(1).database().read(sql -> sql.one("SELECT outcome FROM escalations "
                + "WHERE id = ?", rs -> rs.getString(1), escalation));
        assertThat(outcome).contains("referred");
        assertThat(nodes.get(0).handoffs().load("partner-a")).isZero();

        assertThat(nodes.get(1).console().counsellors().disable("sara")).isTrue();
        assertThat(send(0, "/v1/partner/stream-token", "", session, null).statusCode()).isEqualTo(401);
    }
}
