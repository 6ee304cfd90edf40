package org.saath.channel;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.saath.limits.RateLimitedException;
import org.saath.web.BadRequestException;
import org.saath.web.PayloadTooLargeException;

/**
 * What every platform channel shares; a platform's package extends it with how to read its webhook and how to send.
 * The webhook is {@code POST /webhooks/<name>}: the platform checks the request over its raw bytes (401 and nothing
 * stored when it is not from the platform) and reads it (400 when it cannot be read), each message it held goes to
 * the {@link Inbox}, and the request is answered the way the platform expects once they are all committed.
 *
 * @param <C> the platform's section of the {@code channels.} configuration
 */
public abstract class PlatformChannel<C> implements Channel {

    /**
     * One message read from a webhook, where replies to it go (in the platform's form) and when it was written;
     * {@code answered} false for a message the platform forbids answering (an SMS opt-out: the turn runs, ending what
     * it ends, and sends nothing).
     */
    public record Arrival(InboundMessage message, String address, Instant wroteAt, boolean answered) {

        public Arrival(InboundMessage message, String address, Instant wroteAt) {
            this(message, address, wroteAt, true);
        }
    }

    /**
     * What one webhook request held: the people's messages, receipts of Saath's own messages that failed after the
     * platform took them, and how to answer it once every one is handled.
     */
    public record Delivery(List<Arrival> arrivals, List<Failure> failures, Consumer<Context> answer) {

        public Delivery {
            arrivals = List.copyOf(arrivals);
            failures = List.copyOf(failures);
        }

        public Delivery(List<Arrival> arrivals, Consumer<Context> answer) {
            this(arrivals, List.of(), answer);
        }
    }

    /** A receipt: the message the platform named {@code platformId} did not reach the person, for {@code reason}. */
    public record Failure(String platformId, String reason) {
    }

    protected final C config;
    protected final HttpClient http;
    protected final Clock clock;
    private final String name;
    private final String webhook;

    protected PlatformChannel(String name, C config, HttpClient http, Clock clock) {
        this.name = name;
        this.webhook = "/webhooks/" + name;
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public void addRoutes(RoutesConfig routes, Inbox inbox) {
        routes.post(webhook, ctx -> receive(ctx, inbox));
    }

    /**
     * Checks that the request came from the platform ({@code UnauthorizedResponse} when not) and reads what it holds
     * ({@link BadRequestException} when it cannot be read).
     */
    protected abstract Delivery read(Context ctx);

    /**
     * Handles every message of the request, one after the other. One sender over their rate does not keep the
     * others' messages from being handled (Meta batches many people's messages in one request): the first refusal is
     * answered (429) after the rest were handled, and the platform's redelivery of the batch answers those from
     * their dedupe records.
     */
    private void receive(Context ctx, Inbox inbox) {
        Delivery delivery = read(ctx);
        for (Failure failure : delivery.failures()) {
            inbox.failed(name, failure.platformId(), failure.reason());
        }
        RateLimitedException refused = null;
        for (Arrival arrival : delivery.arrivals()) {
            try {
                if (arrival.answered()) {
                    inbox.accept(arrival.message(), arrival.address(), arrival.wroteAt());
                } else {
                    inbox.acceptUnanswered(arrival.message());
                }
            } catch (RateLimitedException e) {
                refused = refused == null ? e : refused;
            }
        }
        if (refused != null) {
            throw refused;
        }
        delivery.answer().accept(ctx);
    }

    /**
     * The most a platform's request may hold: Meta documents batches of up to 3 MB, and a 4,096-letter message in
     * Urdu or Arabic is 24 KB when Meta escapes each letter; the service's own endpoints keep
     * {@code server.max-body-bytes} (16 KiB by default). A refused webhook is retried and then dropped by the
     * platform: a person's message lost for its length.
     */
    public static final int WEBHOOK_MAX_BYTES = 3 * 1024 * 1024;

    /** The webhook's body, read up to {@link #WEBHOOK_MAX_BYTES} (413 above it). */
    protected static byte[] body(Context ctx) {
        if (ctx.contentLength() > WEBHOOK_MAX_BYTES) {
            throw new PayloadTooLargeException(WEBHOOK_MAX_BYTES);
        }
        try {
            byte[] body = ctx.req().getInputStream().readNBytes(WEBHOOK_MAX_BYTES + 1);
            if (body.length > WEBHOOK_MAX_BYTES) {
                throw new PayloadTooLargeException(WEBHOOK_MAX_BYTES);
            }
            return body;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The digits of a phone number as an operator types it ({@code +92 300-1234567}), for finding what a channel
     * stored; empty when it is not one.
     */
    protected static Optional<String> phoneDigits(String typed) {
        String digits = typed.replaceAll("[\\s()+-]", "");
        return digits.matches("\\d{6,20}") ? Optional.of(digits) : Optional.empty();
    }

    /** A webhook's JSON body; 400 when it is not JSON. */
    protected static JsonNode json(byte[] body) {
        JsonNode node = PlatformApi.readJson(body);
        if (node == null) {
            throw new BadRequestException("body is not valid JSON");
        }
        return node;
    }

    /**
     * Sends the parts of a message not sent yet (from {@link Outbound#partsSent()} on), one call each, and stops at
     * the first that is not sent, whose result is the answer.
     */
    protected static SendResult sendParts(List<String> parts, Outbound message, IntFunction<SendResult> sendPart) {
        SendResult.Sent sent = new SendResult.Sent(List.of());
        for (int i = message.partsSent(); i < parts.size(); i++) {
            SendResult result = sendPart.apply(i);
            if (!(result instanceof SendResult.Sent part)) {
                return result;
            }
            sent = sent.and(part);
        }
        return sent;
    }
}
