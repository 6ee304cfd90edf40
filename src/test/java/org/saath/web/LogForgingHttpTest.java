package org.saath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.App;
import org.saath.Components;
import org.saath.GenericClient;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.outbox.OutboxDispatcher;
import org.saath.outbox.PartnerEndpoint;
import org.slf4j.LoggerFactory;

/**
 * A message id with a newline, or in Urdu, sent while a counsellor holds the conversation: it used to go into the
 * {@code X-Saath-Delivery} header, where the HTTP client refused it (stopping every webhook behind it) and the
 * error forged log lines. Now the relayed message is delivered with a header-safe key, and the log, written with
 * the pattern from {@code logback.xml}, has exactly one line per record whatever a record quotes.
 */
class LogForgingHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEWLINE_ID = "m-2\n01:02:03.456 ERROR o.saath.Forged - forged line\r\nsecond";
    private static final String URDU_ID = "پیغام-۳";
    /** Time, level, logger, the request id ("-" outside a request), then the message. */
    private static final Pattern RECORD_START = Pattern.compile(
            "^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ +\\S+ [A-Za-z0-9._-]+ - ");

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PartnerEndpoint endpoint;
    private Javalin app;
    private Components components;
    private OutputStreamAppender<ILoggingEvent> appender;

    @BeforeEach
    void start() throws Exception {
        endpoint = new PartnerEndpoint("partner-a-webhook-secret");
        components = TestComponents.load(TestComponents.config(dir.resolve("data"))
                .withPartnersFile(TestPartners.file(dir, endpoint.url(), endpoint.secret()).toString()),
                TestComponents.analyser(), Clock.systemUTC());
        app = App.create(components).start(0);
        appender = captureWithTheConfiguredPattern(); // after the start-up lines (the generic token's file)
    }

    @AfterEach
    void stop() {
        root().detachAppender(appender);
        app.stop();
        endpoint.close();
    }

    @Test
    void a_newline_or_urdu_message_id_is_relayed_with_a_header_safe_delivery_key() throws Exception {
        String escalation = send("i want to kill myself tonight", "m-1").at("/escalation/id").asText();
        claim(escalation);
        send("i am still here", NEWLINE_ID);
        send("میں ابھی بھی یہاں ہوں", URDU_ID);

        new OutboxDispatcher(components.handoffs(), components.partners(), http, Clock.systemUTC(), () -> 0.5,
                Duration.ofMillis(1), 3).dispatchDue();

        assertThat(components.handoffs().backlog()).as("nothing left behind").isZero();
        assertThat(endpoint.received()).hasSize(3).allSatisfy(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.deliveryId()).matches("[A-Za-z0-9._:-]+");
        });
        assertThat(endpoint.received().get(1).body()).contains("i am still here");
        assertThat(endpoint.received().get(2).body()).contains("میں ابھی بھی یہاں ہوں");
        assertNoForgedLine();
    }

    @Test
    void a_call_site_that_logs_sender_input_carelessly_still_writes_one_line_per_record() {
        org.slf4j.Logger careless = LoggerFactory.getLogger("org.saath.Careless");

        careless.warn("message {} not delivered", NEWLINE_ID);
        careless.warn("delivery failed", new IllegalArgumentException("invalid header value: " + NEWLINE_ID,
                new IllegalStateException("cause\u2028with a line separator\u0085and NEL")));
        careless.warn("id {} and an override {}", URDU_ID, "\u202Egnp.exe");

        List<String> lines = lines();
        assertThat(lines.stream().filter(l -> RECORD_START.matcher(l).find())).hasSize(3);
        assertThat(lines).noneMatch(l -> l.startsWith("01:02:03.456") || l.startsWith("second"))
                .noneMatch(l -> l.contains("\u2028") || l.contains("\u0085") || l.contains("\u202E"));
        assertThat(String.join("\n", lines)).contains(URDU_ID, "\\u202egnp.exe",
                "m-2\\n01:02:03.456 ERROR o.saath.Forged - forged line\\r\\nsecond");
        assertNoForgedLine();
    }

    /** Every line is a record of its own, a stack frame, or a "Caused by"; none starts with what a sender wrote. */
    private void assertNoForgedLine() {
        assertThat(lines()).allSatisfy(line -> assertThat(RECORD_START.matcher(line).find()
                || line.startsWith("\tat ") || line.startsWith("\t... ") || line.startsWith("Caused by: ")
                || line.startsWith("\tSuppressed: ") || line.startsWith("java.") || line.isEmpty())
                .as(line).isTrue());
        assertThat(lines()).noneMatch(l -> l.startsWith("01:02:03.456") || l.startsWith("second"));
    }

    private List<String> lines() {
        return Arrays.asList(log.toString(StandardCharsets.UTF_8).split("\n", -1));
    }

    /** A second appender on the root logger with the encoder pattern of the configured STDERR appender. */
    private OutputStreamAppender<ILoggingEvent> captureWithTheConfiguredPattern() {
        Logger root = root();
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> configured = (OutputStreamAppender<ILoggingEvent>) root
                .getAppender("STDERR");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(root.getLoggerContext());
        encoder.setPattern(((PatternLayoutEncoder) configured.getEncoder()).getPattern());
        encoder.start();
        OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
        capture.setContext(root.getLoggerContext());
        capture.setEncoder(encoder);
        capture.setOutputStream(log);
        capture.start();
        root.addAppender(capture);
        return capture;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private JsonNode send(String text, String id) throws Exception {
        HttpResponse<String> response = new GenericClient(app, dir.resolve("data")).post(JSON.writeValueAsString(
                Map.of("user", "u-1", "id", id, "text", text, "country", "PK")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void claim(String escalation) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/v1/partner/escalations/" + escalation + "/claim")).header("Authorization", "Bearer "
                + TestPartners.KEY_A).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
