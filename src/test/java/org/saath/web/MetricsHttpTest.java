package org.saath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.Components;
import org.saath.HttpCalls;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.config.SaathConfig;
import org.saath.dialogue.TurnOutcome;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.outbox.OutboxDispatcher;
import org.saath.privacy.SecretFile;
import org.saath.privacy.UserRefHasher;
import org.saath.store.StoreStatus;

/**
 * {@code GET /metrics} over HTTP: what a conversation and a handoff count, that every label value comes from a
 * closed set (never a user, a message id, a conversation or escalation id, or text), and the switch and token.
 */
class MetricsHttpTest {

    private static final String USER = "+923001234567";
    private static final String CRISIS = "i want to kill myself tonight, call me on 0300-7654321";
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)\\}", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    @TempDir
    Path dir;
    private Javalin app;
    private HttpCalls calls;

    private Components start(SaathConfig.Metrics metrics) throws Exception {
        Components components = TestComponents.load(TestComponents.config(dir.resolve("data"))
                .withPartnersFile(TestPartners.file(dir, "http://127.0.0.1:9/never", "partner-a-webhook-secret")
                        .toString()).withMetrics(metrics), TestComponents.analyser(), Clock.systemUTC());
        app = App.create(components).start(0);
        calls = new HttpCalls(app, dir.resolve("data"));
        return components;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void a_conversation_and_a_claim_are_counted_and_no_label_holds_anything_a_person_gave() throws Exception {
        Components components = start(new SaathConfig.Metrics(true, ""));
        String escalation = HttpCalls.json(calls.message(USER, "msg-secret-1", CRISIS, "PK"))
                .at("/escalation/id").asText();
        calls.message(USER, "msg-secret-2", "thank you", "PK");
        assertThat(calls.post("/v1/partner/escalations/" + escalation + "/claim", null, TestPartners.KEY_A)
                .statusCode()).isEqualTo(200);
        calls.get("/v1/messages?user=" + USER.replace("+", "%2B") + "&after=0", null);
        new OutboxDispatcher(components.handoffs(), components.partners(), Optional.empty(),
                HttpClient.newHttpClient(), Clock.systemUTC(), () -> 0.5, Duration.ofMinutes(1), 5,
                components.ops().metrics()).dispatchDue();   // the partner's webhook does not answer

        HttpResponse<String> response = calls.get("/metrics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        String metrics = response.body();
        assertThat(metrics).containsPattern("saath_turns_total\\{channel=\"generic\",intent=\"crisis\","
                + "kind=\"answered\",language=\"en\",risk=\"(high|imminent)\"} 1.0")
                .contains("saath_conversations_started_total{channel=\"generic\"} 1.0",
                        "saath_escalation_transitions_total{partner=\"partner-a\",state=\"offered\"} 1.0",
                        "saath_escalation_transitions_total{partner=\"partner-a\",state=\"claimed\"} 1.0",
                        "saath_escalation_offer_to_claim_seconds_count{partner=\"partner-a\"} 1",
                        "saath_escalations{state=\"claimed\"} 1.0",
                        "saath_outbox_backlog 1.0",
                        "saath_outbox_attempts_total{destination=\"partner\",outcome=\"failed\"} 1.0",
                        "saath_model_info{version=\"" + components.model().get().modelVersion() + "\"} 1",
                        "http_server_requests_seconds_count{method=\"POST\",status=\"200\","
                                + "uri=\"/v1/partner/escalations/{id}/claim\"} 1",
                        "jvm_memory_used_bytes", "jetty_threads_busy");

        String userRef = new UserRefHasher(SecretFile.loadOrCreate(dir.resolve("data"))).hash("generic", USER);
        String conversation = Sqlite.strings(dir.resolve("data"), "SELECT id FROM conversations").get(0);
        assertThat(metrics).doesNotContain("3001234567", "kill myself", "7654321", "msg-secret", "thank you",
                escalation, userRef, conversation);
        assertEveryLabelFromAClosedSet(metrics, 20);
    }

    /**
     * Finding 2 of the s41 QA pass: each method name a client made up ({@code QA41METHODA}) became a series of its
     * own, so anyone without a token could grow the registry and the scrape without limit.
     */
    @Test
    void made_up_methods_and_unknown_paths_add_no_label_values_of_their_own() throws Exception {
        start(new SaathConfig.Metrics(true, ""));

        for (String method : new String[] {"QA41METHODA", "QA41METHODB", "QA41-1796547014", "get"}) {
            assertThat(calls.call(method, "/v1/messages", null, null).statusCode()).as(method).isEqualTo(405);
            calls.call(method, "/v1/no-such-" + method.toLowerCase(java.util.Locale.ROOT), null, null);
        }
        calls.get("/v1/no-such-path/12345", null);

        String metrics = calls.get("/metrics", null).body();
        assertThat(metrics).doesNotContain("QA41", "qa41", "method=\"get\"", "12345", "no-such")
                .contains("http_server_requests_seconds_count{method=\"OTHER\",status=\"404\",uri=\"unmatched\"} 4",
                        "http_server_requests_seconds_count{method=\"OTHER\",status=\"405\",uri=\"unmatched\"} 4");
        assertEveryLabelFromAClosedSet(metrics, 5);
    }

    /** Every label value of Saath's samples is one the code or the configuration defines ({@code atLeast} checked). */
    private static void assertEveryLabelFromAClosedSet(String metrics, int atLeast) {
        Map<String, Set<String>> closed = Map.of(
                "channel", Set.of("generic"),
                "language", Arrays.stream(Language.values()).map(Language::code).collect(Collectors.toSet()),
                "intent", Arrays.stream(Intent.values()).map(Intent::label).collect(Collectors.toSet()),
                "risk", Arrays.stream(RiskLevel.values()).map(RiskLevel::code).collect(Collectors.toSet()),
                "kind", Arrays.stream(TurnOutcome.Kind.values()).map(TurnOutcome.Kind::code)
                        .collect(Collectors.toSet()),
                "state", Set.copyOf(StoreStatus.ESCALATION_STATES),
                "partner", Set.of("partner-a", "partner-b", "none"),
                "method", Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT",
                        "OTHER"),
                "destination", Set.of("partner", "callback"),
                "outcome", Set.of("delivered", "failed", "dead", "no_endpoint"));
        Matcher sample = SAMPLE.matcher(metrics);
        int checked = 0;
        while (sample.find()) {
            if (!sample.group(1).startsWith("saath_") && !sample.group(1).startsWith("http_server_")) {
                continue;   // the JVM's and Jetty's own meters: states of threads, memory pools
            }
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                String key = label.group(1);
                String value = label.group(2);
                if (closed.containsKey(key)) {
                    assertThat(closed.get(key)).as(sample.group(0)).contains(value);
                    checked++;
                } else if (key.equals("uri")) {
                    assertThat(value).as(sample.group(0)).matches("(/[a-z0-9{}.-]+)+|static|unmatched");
                } else if (key.equals("status")) {
                    assertThat(value).as(sample.group(0)).matches("[1-5][0-9][0-9]");
                }
            }
        }
        assertThat(checked).isGreaterThan(atLeast);
    }

    @Test
    void metrics_switched_off_are_not_found() throws Exception {
        start(new SaathConfig.Metrics(false, ""));

        HttpResponse<String> response = calls.get("/metrics", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(HttpCalls.json(response).get("error").asText()).isEqualTo("not found");
    }

    @Test
    void with_a_token_only_its_bearer_reads_the_metrics() throws Exception {
        String token = "metrics-token-0123456789";
        start(new SaathConfig.Metrics(true, token));

        HttpResponse<String> none = calls.get("/metrics", null);
        HttpResponse<String> wrong = calls.get("/metrics", "metrics-token-0123456780");
        HttpResponse<String> right = calls.get("/metrics", token);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(HttpCalls.json(none).has("error")).isTrue();
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("saath_outbox_backlog");
    }
}
