package org.saath.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import org.saath.escalation.PartnerDirectory;
import org.saath.store.HandoffStore;
import org.saath.store.OutboxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to partners' webhooks and to the generic channel's callback: at least once, in order per conversation, each attempt signed and carrying the same
 * idempotency key ({@code X-Saath-Delivery}), with exponential backoff and jitter between failures, and a dead
 * letter after {@code maxAttempts}. State lives in the store, so a crash or restart loses nothing; a delivery that
 * reached the partner just before a crash is sent again with the same key, which the partner drops.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** Where one kind of delivery goes, with the secret that signs it. */
    public record Endpoint(String url, String secret) {
    }

    /**
     * Told about every attempt: the row's destination ({@code partner}, {@code callback}…) and the outcome
     * ({@code delivered}, {@code no_endpoint}, {@code failed} or {@code dead}). For metrics; must be quick.
     */
    @FunctionalInterface
    public interface AttemptListener {
        AttemptListener NONE = (destination, outcome) -> { };

        void attempted(String destination, String outcome);
    }

    private final HandoffStore store;
    private final PartnerDirectory partners;
    private final Optional<Endpoint> callback;
    private final HttpClient http;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final Duration baseBackoff;
    private final int maxAttempts;
    private final AttemptListener listener;

    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, HttpClient http, Clock clock,
                            DoubleSupplier jitter, Duration baseBackoff, int maxAttempts) {
        this(store, partners, Optional.empty(), http, clock, jitter, baseBackoff, maxAttempts);
    }

    /** As above, with the generic channel's callback for messages to people. */
    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, Optional<Endpoint> callback,
                            HttpClient http, Clock clock, DoubleSupplier jitter, Duration baseBackoff,
                            int maxAttempts) {
        this(store, partners, callback, http, clock, jitter, baseBackoff, maxAttempts, AttemptListener.NONE);
    }

    /** As above, telling {@code listener} about every attempt. */
    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, Optional<Endpoint> callback,
                            HttpClient http, Clock clock, DoubleSupplier jitter, Duration baseBackoff,
                            int maxAttempts, AttemptListener listener) {
        this.listener = listener;
        this.store = store;
        this.partners = partners;
        this.callback = callback;
        this.http = http;
        this.clock = clock;
        this.jitter = jitter;
        this.baseBackoff = baseBackoff;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Delivers what is due now; each pass sends the oldest pending message of each conversation, so passes repeat
     * while they make progress (bounded). Returns how many were delivered.
     */
    public int dispatchDue() {
        int delivered = 0;
        for (int pass = 0; pass < 100; pass++) {
            int thisPass = 0;
            for (OutboxRow row : store.due(clock.instant(), 100)) {
                thisPass += deliver(row) ? 1 : 0;
            }
            delivered += thisPass;
            if (thisPass == 0) {
                break;
            }
        }
        return delivered;
    }

    private boolean deliver(OutboxRow row) {
        Instant now = clock.instant();
        Optional<Endpoint> endpoint = row.destination().equals("callback") ? callback
                : partners.byId(row.target()).filter(p -> p.webhookUrl().isPresent())
                        .map(p -> new Endpoint(p.webhookUrl().get(), p.webhookSecret().orElseThrow()));
        if (endpoint.isEmpty()) {
            store.attempted(row.id(), "delivered", row.attempts(), now, "no endpoint: console or polling only");
            listener.attempted(row.destination(), "no_endpoint");
            return true;
        }
        String error;
        try {
            byte[] body = row.payload().getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(endpoint.get().url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Saath-Delivery", row.idempotencyKey())
                    .header("X-Saath-Signature", WebhookSigner.signature(endpoint.get().secret(),
                            now.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                store.attempted(row.id(), "delivered", row.attempts() + 1, now, null);
                listener.attempted(row.destination(), "delivered");
                return true;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        failed(row, now, error);
        return false;
    }

    private void failed(OutboxRow row, Instant now, String error) {
        int attempts = row.attempts() + 1;
        if (attempts >= maxAttempts) {
            LOG.warn("outbox delivery {} to {} is dead after {} attempts: {}", row.idempotencyKey(), row.target(),
                    attempts, error);
            store.attempted(row.id(), "dead", attempts, now, error);
            listener.attempted(row.destination(), "dead");
            return;
        }
        long exponential = baseBackoff.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(exponential, MAX_BACKOFF.toMillis());
        long wait = (long) (capped * (0.5 + 0.5 * jitter.getAsDouble()));
        store.attempted(row.id(), "pending", attempts, now.plusMillis(wait), error);
        listener.attempted(row.destination(), "failed");
    }
}
