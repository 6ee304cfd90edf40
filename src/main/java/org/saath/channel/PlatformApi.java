package org.saath.channel;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What the platform adapters share: one call to a platform's API with a bounded wait, answered as a status and a
 * JSON body (status 0 when the platform could not be reached), and a constant-time comparison for secrets.
 * Request URLs may carry a token (Telegram's), so they are never logged.
 */
public final class PlatformApi {

    /** How long one call may take before it counts as a failure to retry. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The longest wait a platform may ask for that is honoured; a longer one is read as this. */
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /**
     * A platform's answer: the HTTP status (0 = unreachable), its JSON body (missing when it was not JSON), and the
     * seconds of its {@code Retry-After} header, if it sent one.
     */
    public record Answer(int status, JsonNode body, Optional<Duration> retryAfterHeader) {

        public Answer(int status, JsonNode body) {
            this(status, body, Optional.empty());
        }

        public boolean ok() {
            return status / 100 == 2;
        }

        /**
         * How long the platform asked to wait before the next call: its {@code Retry-After} header, or Telegram's
         * {@code parameters.retry_after}; at most {@link #LONGEST_WAIT}.
         */
        public Optional<Duration> waitAsked() {
            return retryAfterHeader.or(() -> seconds(body.path("parameters").path("retry_after").asText("")));
        }

        /**
         * The outbox's last error for this answer: "Telegram answered HTTP 500", or "Telegram could not be reached"
         * for no answer at all (it read "answered HTTP 0", an answer nobody gave).
         */
        public String describe(String platform) {
            return status == 0 ? platform + " could not be reached" : platform + " answered HTTP " + status;
        }

        /** Worth trying again later: unreachable, rate-limited, or the platform's own failure. */
        public boolean passing() {
            return status == 0 || status == 408 || status == 429 || status >= 500;
        }
    }

    private PlatformApi() {
    }

    public static Answer call(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), json(response.body()),
                    response.headers().firstValue("Retry-After").flatMap(PlatformApi::seconds));
        } catch (IOException e) {
            return new Answer(0, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, MissingNode.getInstance());
        }
    }

    /** A {@code Retry-After} of whole seconds (the HTTP-date form is not used by these platforms), at most an hour. */
    public static Optional<Duration> seconds(String header) {
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds > 0 ? Optional.of(Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds())))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a JSON body; {@code null} when it is not JSON. */
    public static JsonNode readJson(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether two secrets are equal, in time that does not depend on where they differ. */
    public static boolean sameSecret(String given, String expected) {
        return given != null && expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
