package org.saath.channel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A messaging platform's send API on a loopback port (a fake Graph API, Telegram Bot API or Twilio REST API): it
 * records every request it receives, failed ones included, answers with the platform's own shapes, and can be taken
 * down for a while (answering 503) or told to answer the next requests with a given error.
 */
public final class FakePlatform implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received, and whether it was answered with success. */
    public record Request(String method, String path, Map<String, String> headers, String body, boolean accepted) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(body, e);
            }
        }

        /** The form-encoded body (Twilio), decoded. */
        public Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return form;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** An answer: status and JSON body. */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Request> received = new ArrayList<>();
    private final List<Answer> scripted = new ArrayList<>();
    private volatile boolean down;

    /** @param answers what the platform answers to a successful request, by path and body */
    public FakePlatform(BiFunction<String, String, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                    v.get(0)));
            String path = exchange.getRequestURI().getRawPath();
            Answer answer;
            synchronized (this) {
                answer = down ? new Answer(503, "{\"error\":\"down\"}")
                        : !scripted.isEmpty() ? scripted.remove(0) : answers.apply(path, body);
                received.add(new Request(exchange.getRequestMethod(), path, headers, body,
                        answer.status() / 100 == 2));
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** While down, every request gets 503. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The next requests get these answers, in order, whatever they ask. */
    public synchronized void answerNext(Answer... answers) {
        scripted.addAll(List.of(answers));
    }

    /** Every request received, failed ones included, in order. */
    public synchronized List<Request> received() {
        return List.copyOf(received);
    }

    /** The requests answered with success, in order. */
    public synchronized List<Request> accepted() {
        return received.stream().filter(Request::accepted).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
