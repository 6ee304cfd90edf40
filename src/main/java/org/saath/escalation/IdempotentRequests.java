package org.saath.escalation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.saath.store.RequestOutcomes;
import org.saath.web.BadRequestException;
import org.saath.web.ErrorMapping;

/**
 * Makes a partner's actions safe to retry: a request carrying {@code Idempotency-Key} acts once, and every repeat
 * with the same key, call and body (byte for byte) gets the first outcome (success or a 4xx refusal) with
 * {@code Idempotent-Replayed: true}. The same key on another call or with another body is a 422 that does nothing
 * (a counsellor's second message under the first one's key would otherwise be "replayed" and never sent). A
 * failure on our side (5xx) releases the key so that a retry can act. Keys are kept per partner for a day.
 */
final class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    private static final Duration KEPT = Duration.ofDays(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestOutcomes outcomes;
    private final Clock clock;

    IdempotentRequests(RequestOutcomes outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Runs {@code action} (its result is the JSON answer) at most once per key. */
    void run(Context ctx, Caller caller, Supplier<Object> action) {
        String key = ctx.header(HEADER);
        if (key == null) {
            ctx.json(action.get());
            return;
        }
        if (!key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw new BadRequestException(HEADER + " must be 8-100 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'");
        }
        String partner = caller.partner().id();
        outcomes.deleteBefore(clock.instant().minus(KEPT));
        Optional<RequestOutcomes.Outcome> first = outcomes.begin(partner, key, ctx.method() + " " + ctx.path(),
                sha256Hex(ctx.bodyAsBytes()), clock.instant());
        if (first.isPresent()) {
            if (first.get().replayed()) {
                ctx.header("Idempotent-Replayed", "true");
            }
            ctx.status(first.get().status()).contentType("application/json").result(first.get().body());
            return;
        }
        try {
            String body = JSON.writeValueAsString(action.get());
            outcomes.finish(partner, key, new RequestOutcomes.Outcome(200, body));
            ctx.contentType("application/json").result(body);
        } catch (RuntimeException | JsonProcessingException e) {
            Optional<Integer> status = ErrorMapping.clientStatus(e);
            if (status.isPresent()) {
                outcomes.finish(partner, key, new RequestOutcomes.Outcome(status.get(), errorJson(e.getMessage())));
            } else {
                outcomes.abandon(partner, key);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String errorJson(String message) {
        try {
            return JSON.writeValueAsString(java.util.Map.of("error", message == null ? "error" : message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
