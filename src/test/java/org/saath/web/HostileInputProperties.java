package org.saath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.saath.App;
import org.saath.Components;
import org.saath.GenericClient;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.config.SaathConfig;

/**
 * Nothing a sender writes produces a 5xx: generated hostile requests go to the running app (port 0, a real SQLite
 * file), and every answer is JSON; every refusal is a 4xx with {@code {"error": …}} and stores nothing. Bodies come
 * in every shape a sender can make: sizes up to and past the limit, odd Unicode (lone surrogates, RTL and
 * zero-width marks, emoji, every script's digits), long digit runs, deep nesting, wrong types, invalid UTF-8, and
 * broken chunked framing over a raw socket.
 */
class HostileInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 16 * 1024;
    private static final AtomicLong SENDERS = new AtomicLong();
    private static Path data;
    private static Components components;
    private static Javalin app;
    private static HttpClient http;

    /** A request body with a short label, so that a failing case reads well. */
    record Body(String label, byte[] bytes) {
        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return label + " (" + bytes.length + " bytes): " + (text.length() > 160 ? text.substring(0, 160) + "…"
                    : text);
        }
    }

    @BeforeContainer
    static void start() throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "saath-hostile");
        data = dir.resolve("data");
        SaathConfig config = TestComponents.config(data).withPartnersFile(TestPartners.file(dir,
                "http://127.0.0.1:9/hook", "partner-a-webhook-secret").toString());
        components = TestComponents.load(config, TestComponents.analyser(), Clock.fixed(TestComponents.PK_NIGHT,
                ZoneOffset.UTC));
        app = App.create(components).start(0);
        http = HttpClient.newHttpClient();
    }

    @AfterContainer
    static void stop() {
        app.stop();
        components.database().close();          // jqwik runs no Jupiter extension: ClosesComponents does not see it
        Components.deleteFolder(data.getParent());
    }

    @Property(tries = 250)
    void no_body_gets_a_5xx_and_every_refusal_is_json_and_stores_nothing(@ForAll("bodies") Body body)
            throws Exception {
        long[] before = stored();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/v1/messages")).header("Authorization", "Bearer " + GenericClient.token(data))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertAnswered(response.statusCode(), response.body(), before);
    }

    @Property(tries = 60)
    void broken_chunked_framing_over_a_raw_socket_gets_a_json_4xx(@ForAll("chunked") Body request) throws Exception {
        long[] before = stored();

        String raw = exchange(request.bytes());

        int status = Integer.parseInt(raw.substring(9, 12));
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        if (raw.toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        assertAnswered(status, body, before);
    }

    @Property(tries = 120)
    void any_route_with_any_path_headers_and_body_gets_json_and_no_5xx(@ForAll("requests") Body request)
            throws Exception {
        long[] before = stored();

        String raw = exchange(request.bytes());

        assertThat(raw).as("an answer, not a dropped connection").startsWith("HTTP/1.1 ");
        int status = Integer.parseInt(raw.substring(9, 12));
        String head = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        body = head.contains("transfer-encoding: chunked") ? dechunk(body) : body;
        Statistics.label("status").collect(status);
        assertThat(status).as(body).isBetween(200, 499);
        if (status >= 400) {
            assertThat(JSON.readTree(body).path("error").asText()).as(body).isNotBlank();
            assertThat(stored()).as("a refused request stores nothing").containsExactly(before);
        } else if (head.contains("content-type: application/json")) {
            assertThat(JSON.readTree(body).isContainerNode()).as(body).isTrue();
        }
    }

    private static void assertAnswered(int status, String body, long[] before) throws IOException {
        Statistics.label("status").collect(status);
        assertThat(status).as(body).isBetween(200, 499);
        JsonNode json = JSON.readTree(body);
        if (status >= 400) {
            assertThat(json.path("error").asText()).as(body).isNotBlank();
            assertThat(stored()).as("a refused request stores nothing").containsExactly(before);
        } else {
            assertThat(json.has("replies")).as(body).isTrue();
        }
    }

    private static long[] stored() {
        return new long[] {Sqlite.count(data, "conversations"), Sqlite.count(data, "turns"),
            Sqlite.count(data, "processed_messages")};
    }

    /** Sends raw bytes, half-closes, and reads whatever comes back until the server closes. */
    private static String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }

    // ---- generators ----

    @Provide
    Arbitrary<Body> bodies() {
        return Arbitraries.frequencyOf(Tuple.of(5, messages()), Tuple.of(2, wrongTypes()),
                Tuple.of(1, deepNesting()), Tuple.of(1, invalidUtf8()), Tuple.of(1, oversized()));
    }

    /** A well-formed message whose text is hostile; escaped or raw, sometimes with extra or odd fields. */
    private Arbitrary<Body> messages() {
        return Combinators.combine(texts(), ids(), ids(), Arbitraries.of(true, false),
                Arbitraries.of("", ",\"country\":\"PK\"", ",\"country\":\"ae\"", ",\"country\":\"\"",
                        ",\"country\":\"P\\u0000K\"", ",\"extra\":{\"a\":[1,2,3]}", ",\"text\":\"dup\"")).as(
                (text, user, id, escape, tail) -> new Body("message", ("{\"user\":" + quote(user + "-"
                        + SENDERS.incrementAndGet(), escape) + ",\"id\":" + quote(id, escape) + ",\"text\":"
                        + quote(text, escape) + tail + "}").getBytes(StandardCharsets.UTF_8)));
    }

    private Arbitrary<String> texts() {
        Arbitrary<String> odd = Arbitraries.strings().withChars(ODD).ofMinLength(1).ofMaxLength(400);
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300);
        Arbitrary<String> digits = Arbitraries.strings().withChars(DIGITS).ofMinLength(1).ofMaxLength(LIMIT - 60);
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of(HOSTILE_UNITS), Arbitraries.integers()
                .between(1, 8000)).as((unit, n) -> unit.repeat(Math.max(1, Math.min(n, (LIMIT - 60) / unit.length()))));
        Arbitrary<String> words = Arbitraries.of("i want to die", "mujhe jeena nahi hai", "بدي انتحر",
                "میں مرنا چاہتا ہوں", "delete my data", "stop", "yes", "safety plan", "talk to a person", "hello");
        return Arbitraries.oneOf(odd, any, digits, repeated, words,
                Combinators.combine(words, digits, odd).as((w, d, o) -> w + " " + d + " " + o));
    }

    private Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars(ODD).ofMinLength(1).ofMaxLength(30),
                Arbitraries.of("m\nINFO forged", "پیغام-۳", "a\r\nX-Injected: 1", "\u202Egnp.exe", "\uD800"));
    }

    private Arbitrary<Body> wrongTypes() {
        Arbitrary<String> value = Arbitraries.of("42", "-1e99999", "1" + "0".repeat(2000), "true", "null", "[]",
                "{}", "[\"text\"]", "{\"text\":\"x\"}", "\"\"", "\"   \"", "\"\\u0000\"",
                "\"" + "x".repeat(300) + "\"");
        Arbitrary<String> field = Arbitraries.of("user", "id", "text", "country");
        return Combinators.combine(field, value).as((f, v) -> {
            String body = "{\"user\":\"u-" + SENDERS.incrementAndGet() + "\",\"id\":\"m-1\",\"text\":\"hello\"";
            return new Body("wrong type for " + f, (body + ",\"" + f + "\":" + v + "}")
                    .replace("{\"user\":\"u-", f.equals("user") ? "{\"u\":\"u-" : "{\"user\":\"u-")
                    .getBytes(StandardCharsets.UTF_8));
        });
    }

    private Arbitrary<Body> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(1, 20_000), Arbitraries.of("[", "{\"a\":"),
                Arbitraries.of(true, false)).as((depth, open, inText) -> {
                    String close = open.equals("[") ? "]" : "}";
                    int fit = Math.min(depth, LIMIT / open.length());
                    String nested = open.repeat(fit) + "1" + close.repeat(fit);
                    String body = inText ? "{\"user\":\"u\",\"id\":\"m\",\"text\":" + nested + "}" : nested;
                    return new Body("nested " + fit, body.getBytes(StandardCharsets.UTF_8));
                });
    }

    private Arbitrary<Body> invalidUtf8() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64).map(noise -> {
            byte[] head = "{\"user\":\"u\",\"id\":\"m\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
            byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[head.length + noise.length + 2 + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(noise, 0, out, head.length, noise.length);
            out[head.length + noise.length] = (byte) 0xED;   // the first half of a UTF-8 encoded lone surrogate
            out[head.length + noise.length + 1] = (byte) 0xA0;
            System.arraycopy(tail, 0, out, head.length + noise.length + 2, tail.length);
            return new Body("invalid utf-8", out);
        });
    }

    private Arbitrary<Body> oversized() {
        return Arbitraries.integers().between(LIMIT - 64, LIMIT + 4096).map(size -> {
            String head = "{\"user\":\"u-" + SENDERS.incrementAndGet() + "\",\"id\":\"m\",\"text\":\"";
            int fill = Math.max(1, size - head.length() - 2);
            return new Body("about " + size + " bytes", (head + "a".repeat(fill) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A request line, headers and body for any route, with hostile path segments, keys and bodies. */
    @Provide
    Arbitrary<Body> requests() {
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("esc-1", "..", "%2e%2e", "%0aforged", "%00",
                "\u0645\u06a9\u0627\u0646", "a b", "%", "%zz", "x".repeat(3000)),
                Arbitraries.strings().withChars(ODD).ofMaxLength(20).map(HostileInputProperties::percentEncode));
        Arbitrary<String> path = Combinators.combine(Arbitraries.of("/v1/messages?user=%s&after=%s",
                "/v1/partner/escalations/%s/claim", "/v1/partner/escalations/%s/messages",
                "/v1/partner/escalations/%s/transfer", "/v1/partner/escalations/%s/transcript",
                "/v1/partner/escalations/%s/resolve", "/v1/partner/escalations/%s/decline", "/v1/partner/escalations",
                "/v1/partner/stream-token", "/v1/partner/stream?token=%s", "/admin/reload", "/health",
                "/console/%s", "/%s", "/v1/messages/%s"), segment, segment).as((f, a, b) -> f.formatted(a, b));
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD\u0000");
        Arbitrary<String> auth = Arbitraries.of("", "Authorization: Bearer " + TestPartners.KEY_A + "\r\n",
                "Authorization: Bearer " + GenericClient.token(data) + "\r\n",
                "Authorization: Bearer " + TestPartners.KEY_B + "\r\n", "Authorization: Bearer nope\r\n",
                "Authorization: Basic \u00ff\u00fe\r\n", "Authorization: " + "B".repeat(9000) + "\r\n");
        Arbitrary<byte[]> body = Arbitraries.oneOf(bodies().map(Body::bytes), Arbitraries.of(
                "{\"text\":\"I'm here\"}", "{\"partner\":\"partner-b\"}", "{\"partner\":[1]}", "[]", "")
                .map(b -> b.getBytes(StandardCharsets.UTF_8)));
        return Combinators.combine(method, path, auth, body).as((m, p, a, b) -> {
            byte[] head = (m + " " + p + " HTTP/1.1\r\nHost: localhost\r\n" + a + "Content-Length: " + b.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + b.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(b, 0, all, head.length, b.length);
            return new Body(m + " " + p, all);
        });
    }

    private static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format("%%%02X", b & 0xFF));
        }
        return out.toString();
    }

    @Provide
    Arbitrary<Body> chunked() {
        Arbitrary<String> chunks = Arbitraries.of(
                "zz\r\nhello\r\n0\r\n\r\n",                     // a size that is not hex
                "5\r\nhel",                                      // cut off inside a chunk
                "FFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n",        // a size that overflows
                "5;ext=\"unterminated\r\nhello\r\n0\r\n\r\n",    // a broken extension
                "3\r\nhello\r\n0\r\n\r\n",                       // more data than the size says
                "-5\r\nhello\r\n0\r\n\r\n",                      // a negative size
                "5\r\nhello",                                    // no terminating chunk
                "\r\n\r\n",                                      // no size at all
                "8000\r\n" + "a".repeat(100),                    // a huge chunk, cut off
                "1\r\n{\r\n1\r\n\"\r\n0\r\nTrailer: x\r\n\r\n", // a broken JSON body in valid chunks
                ("400\r\n" + "a".repeat(0x400) + "\r\n").repeat(20) + "0\r\n\r\n"); // 20 KiB in valid chunks
        Arbitrary<String> extraHeaders = Arbitraries.of("", "Content-Length: 5\r\n", "Content-Length: -1\r\n",
                "Transfer-Encoding: gzip\r\n", "Content-Type: application/json\r\n");
        return Combinators.combine(chunks, extraHeaders).as((c, h) -> new Body("chunked " + h.trim(),
                ("POST /v1/messages HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n" + h
                        + "Authorization: Bearer " + GenericClient.token(data) + "\r\nConnection: close\r\n\r\n"
                        + c).getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String quote(String s, boolean escapeNonAscii) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || escapeNonAscii && c > 0x7E || Character.isSurrogate(c) && !escapeNonAscii) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static final char[] ODD = ("\u200F\u200E\u202E\u202D\u2066\u2069\u200B\u200C\u200D\uFEFF\u00AD"
            + "\u0000\u0007\u001B\r\n\t\u2028\u2029\u0085\uD83D\uDE00\uD83D\uDC4D\uD800\uDFFF\u0301\u0308"
            + "\u0627\u0644\u06A9\u06D2\u0660\u06F5\u0966\uFF10\u0E51\uFFFD\uFFFFa@.:/ -+()#").toCharArray();
    private static final char[] DIGITS = ("0123456789\u0660\u0661\u0662\u06F3\u06F9\u0966\u096F\uFF10\uFF19"
            + "\u09E6\u0E50\u1040 -.()/+\u2013").toCharArray();
    private static final List<String> HOSTILE_UNITS = List.of("1", "1 ", "1-", "a", "a.", "a@", "@a.", "x@y.z ",
            "house 1 ", "house ", "h ", "gali 1, ", "www.", "http://", "+", "(", "0300 ", "١", "۳", "\uFF11", "1 a ",
            " ", "\u200B", "\uD83D\uDE00");
}
