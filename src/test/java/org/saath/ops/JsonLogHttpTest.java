package org.saath.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.HttpCalls;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.slf4j.LoggerFactory;

/**
 * The JSON log of a whole conversation over HTTP (a disclosure, a crisis, a handoff to a counsellor, polling for
 * messages, "delete my data"), at DEBUG: every line is one JSON object, every request's lines carry its request id
 * (the one echoed in {@code X-Request-Id}), and nowhere is there a word the person wrote or their raw id.
 */
class JsonLogHttpTest {

    private static final String USER = "+923215550123";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private Level saathLevel;
    private Javalin app;
    private HttpCalls calls;

    @BeforeEach
    void start() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger saath = (Logger) LoggerFactory.getLogger("org.saath");
        saathLevel = saath.getLevel();
        saath.setLevel(Level.DEBUG);
        appender = LogFormat.json(log);
        root.addAppender(appender);
        app = TestComponents.startWithPartners(dir);
        calls = new HttpCalls(app, dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        app.stop();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        ((Logger) LoggerFactory.getLogger("org.saath")).setLevel(saathLevel);
        appender.stop();
    }

    @Test
    void a_whole_conversation_logs_json_with_request_ids_and_no_text_and_no_raw_user_id() throws Exception {
        calls.message(USER, "w-1", "hi", "PK");
        calls.message(USER, "w-2", "my uncle rashid keeps touching me and i feel dirty", "PK");
        String escalation = HttpCalls.json(calls.message(USER, "w-3", "i want to kill myself tonight", "PK"))
                .at("/escalation/id").asText();
        calls.message(USER, "w-4", "yes", "PK");
        calls.post("/v1/partner/escalations/" + escalation + "/claim", null, TestPartners.KEY_A);
        calls.message(USER, "w-5", "my diary is where i wrote it all", "PK");
        calls.post("/v1/partner/escalations/" + escalation + "/messages", "{\"text\":\"I am Sara, I am here\"}",
                TestPartners.KEY_A);
        HttpResponse<String> polled = calls.get("/v1/messages?user=%2B923215550123&after=0", null);
        calls.post("/v1/partner/escalations/" + escalation + "/resolve", null, TestPartners.KEY_A);
        calls.message(USER, "w-6", "delete my data", "PK");

        List<JsonNode> lines = lines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
        String requestId = polled.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("request_id").asText()).isEqualTo(requestId);
            assertThat(line.path("message").asText()).contains("GET /v1/messages 200");
        });
        assertThat(lines).filteredOn(l -> l.path("logger_name").asText().endsWith("HttpMetrics"))
                .allSatisfy(l -> assertThat(l.path("request_id").asText()).isNotBlank());
        assertThat(lines).anySatisfy(l -> assertThat(l.path("message").asText()).contains("intent=crisis",
                "kind=answered"));
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("3215550123", "rashid", "touching",
                "kill myself", "diary", "Sara", "delete my data");
    }

    @Test
    void a_plain_request_id_is_kept_and_anything_else_is_replaced() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI live = URI.create("http://localhost:" + app.port() + "/health/live");

        String kept = http.send(HttpRequest.newBuilder(live).header(RequestIds.HEADER, "lb-req-0042").build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue(RequestIds.HEADER).orElseThrow();
        String replaced = http.send(HttpRequest.newBuilder(live).header(RequestIds.HEADER, "not plain {\"x\":1}")
                .build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue(RequestIds.HEADER).orElseThrow();

        assertThat(kept).isEqualTo("lb-req-0042");
        assertThat(replaced).matches("[0-9a-f-]{36}");
        assertThat(lines()).anySatisfy(l -> assertThat(l.path("request_id").asText()).isEqualTo("lb-req-0042"));
    }

    /** The same careless call sites as {@code LogForgingHttpTest}'s, in JSON: escaped as the text format escapes. */
    @Test
    void sender_input_logged_carelessly_stays_in_one_record_escaped_like_the_text_format() throws Exception {
        String newlineId = "m-2\n{\"@timestamp\":\"forged\"}\r\nsecond";
        org.slf4j.Logger careless = LoggerFactory.getLogger("org.saath.Careless");

        careless.warn("message {} not delivered", newlineId);
        careless.warn("delivery failed", new IllegalArgumentException("invalid header value: " + newlineId,
                new IllegalStateException("cause\u2028with a line separator\u0085and NEL")));
        careless.warn("an override {}", "\u202Egnp.exe");

        List<JsonNode> careful = lines().stream()
                .filter(l -> l.path("logger_name").asText().equals("org.saath.Careless")).toList();
        assertThat(careful).hasSize(3);
        assertThat(careful.get(0).path("message").asText())
                .isEqualTo("message m-2\\n{\"@timestamp\":\"forged\"}\\r\\nsecond not delivered");
        assertThat(careful.get(1).path("stack_trace").asText()).contains("m-2\\n{", "cause\\u2028with",
                "\\u0085and NEL").doesNotContain("\u2028", "\u0085");
        assertThat(careful.get(2).path("message").asText()).isEqualTo("an override \\u202egnp.exe");
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("\u2028", "\u0085", "\u202E");
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }
}
