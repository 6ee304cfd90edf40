package org.saath.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleSupplier;

import org.saath.channel.ChannelDelivery;
import org.saath.channel.PlatformApi;
import org.saath.escalation.PartnerDirectory;
import org.saath.store.HandoffStore;
import org.saath.store.OutboxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to partners' webhooks, to the generic channel's callback and, through {@link PersonDelivery},
 * to people on platform channels: at least once, in order per conversation and receiver ({@link HandoffStore#claim}),
 * each attempt to a webhook signed and carrying the same idempotency key ({@code X-Saath-Delivery}), with exponential
 * backoff and jitter between failures ({@link Backoff}), and a dead letter after {@code maxAttempts}.
 *
 * <p>Isolation: each destination (a partner, the callback, a platform channel) has its own lane, and lanes run in
 * parallel on the injected executor, so a partner whose endpoint hangs (every request is bounded by the client's
 * connect timeout and {@link #REQUEST_TIMEOUT}) delays only its own deliveries. Any failure of one row (an HTTP error,
 * a refused header, a bad URL, any exception) is retried and finally dead-lettered, or, for a person, recorded as
 * undelivered with the partner told; it never stops the rows behind it.
 *
 * <p>Several nodes: rows are claimed with a lease in the store ({@link HandoffStore#claim}), renewed just before
 * each attempt; a node that dies mid-delivery leaves its rows to another node once the lease (a minute) has run
 * out, and the receiver drops a repeat by its key. State lives in the store, so a crash or restart loses nothing.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long a claim holds; renewed just before each attempt, so it needs to cover one attempt only. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int CLAIM = 10;
    /**
     * Answers that will not change however often the same delivery is sent (bad request, gone, too large,
     * unprocessable…): dead-lettered at once, so that the deliveries behind it for the same receiver are not held
     * back by a dozen retries. Not 401/403 (a secret being rotated), 404 (a route being deployed), 408, 425 or 429.
     */
    private static final Set<Integer> REFUSED_FOR_GOOD = Set.of(400, 405, 410, 411, 413, 414, 415, 422);
    /** Rounds of a lane before it hands back to the schedule (which starts lanes for every destination again). */
    private static final int LANE_ROUNDS = 100;

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
    private final Optional<PersonDelivery> people;
    private final HttpClient http;
    private final Clock clock;
    private final Backoff backoff;
    private final Executor lanes;
    private final AttemptListener listener;
    private final String owner = "node-" + UUID.randomUUID();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, HttpClient http, Clock clock,
                            DoubleSupplier jitter, Duration baseBackoff, int maxAttempts) {
        this(store, partners, Optional.empty(), http, clock, jitter, baseBackoff, maxAttempts);
    }

    /** As above, with the generic channel's callback for messages to people. */
    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, Optional<Endpoint> callback,
                            HttpClient http, Clock clock, DoubleSupplier jitter, Duration baseBackoff,
                            int maxAttempts) {
        this(store, partners, callback, Optional.empty(), http, clock, jitter, baseBackoff, maxAttempts, daemonPool(),
                AttemptListener.NONE);
    }

    /** As above, telling {@code listener} about every attempt (the service's metrics). */
    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, Optional<Endpoint> callback,
                            HttpClient http, Clock clock, DoubleSupplier jitter, Duration baseBackoff,
                            int maxAttempts, AttemptListener listener) {
        this(store, partners, callback, Optional.empty(), http, clock, jitter, baseBackoff, maxAttempts, daemonPool(),
                listener);
    }

    /** As above, with the executor the lanes run on. */
    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, Optional<Endpoint> callback,
                            HttpClient http, Clock clock, DoubleSupplier jitter, Duration baseBackoff,
                            int maxAttempts, Executor lanes) {
        this(store, partners, callback, Optional.empty(), http, clock, jitter, baseBackoff, maxAttempts, lanes,
                AttemptListener.NONE);
    }

    /** As above, with the platform channels' sends (WhatsApp, Telegram, Twilio) for messages to people. */
    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, Optional<Endpoint> callback,
                            Optional<PersonDelivery> people, HttpClient http, Clock clock, DoubleSupplier jitter,
                            Duration baseBackoff, int maxAttempts) {
        this(store, partners, callback, people, http, clock, jitter, baseBackoff, maxAttempts, daemonPool(),
                AttemptListener.NONE);
    }

    /** As above, telling {@code listener} about every attempt (the service's metrics). */
    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, Optional<Endpoint> callback,
                            Optional<PersonDelivery> people, HttpClient http, Clock clock, DoubleSupplier jitter,
                            Duration baseBackoff, int maxAttempts, AttemptListener listener) {
        this(store, partners, callback, people, http, clock, jitter, baseBackoff, maxAttempts, daemonPool(),
                listener);
    }

    /** As above, with the executor the lanes run on. */
    public OutboxDispatcher(HandoffStore store, PartnerDirectory partners, Optional<Endpoint> callback,
                            Optional<PersonDelivery> people, HttpClient http, Clock clock, DoubleSupplier jitter,
                            Duration baseBackoff, int maxAttempts, Executor lanes, AttemptListener listener) {
        this.store = store;
        this.partners = partners;
        this.callback = callback;
        this.people = people;
        this.http = http;
        this.clock = clock;
        this.backoff = new Backoff(baseBackoff, jitter, maxAttempts);
        this.lanes = lanes;
        this.listener = listener;
    }

    private static ExecutorService daemonPool() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "saath-outbox-lane");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a lane for each destination that has deliveries due and no lane running, and returns at once (the
     * service calls this on a schedule). The future completes with how many the new lanes delivered.
     */
    public CompletableFuture<Integer> start() {
        List<OutboxRow> claimed = store.claim(owner, clock.instant(), LEASE, 100, Set.copyOf(busy), Optional.empty());
        Map<String, List<OutboxRow>> byTarget = new LinkedHashMap<>();
        claimed.forEach(row -> byTarget.computeIfAbsent(row.target(), t -> new ArrayList<>()).add(row));
        List<CompletableFuture<Integer>> started = new ArrayList<>();
        byTarget.forEach((target, rows) -> {
            busy.add(target);
            started.add(CompletableFuture.supplyAsync(() -> lane(target, rows), lanes)
                    .whenComplete((n, e) -> {
                        busy.remove(target);
                        if (e != null) {    // its rows wait out their lease and are tried again
                            Throwable cause = e.getCause() == null ? e : e.getCause();
                            LOG.warn("an outbox lane stopped: {}", cause.getClass().getName());
                        }
                    }));
        });
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                .thenApply(v -> started.stream().mapToInt(CompletableFuture::join).sum());
    }

    /**
     * Delivers what is due now and waits for it (tests, and a one-off drain). Returns how many were delivered.
     */
    public int dispatchDue() {
        int delivered = 0;
        for (int pass = 0; pass < 100; pass++) {
            int thisPass = start().join();
            delivered += thisPass;
            if (thisPass == 0) {
                break;
            }
        }
        return delivered;
    }

    /** One destination's deliveries, one after the other, then whatever became due for it meanwhile. */
    private int lane(String target, List<OutboxRow> first) {
        int delivered = 0;
        List<OutboxRow> rows = first;
        for (int round = 1; !rows.isEmpty(); round++) {
            int thisRound = 0;
            for (OutboxRow row : rows) {
                thisRound += deliver(row) ? 1 : 0;
            }
            delivered += thisRound;
            if (thisRound == 0 || round == LANE_ROUNDS) {
                break;          // claim nothing this lane will not try: a claimed row waits out its lease
            }
            rows = store.claim(owner, clock.instant(), LEASE, CLAIM, Set.of(), Optional.of(target));
        }
        return delivered;
    }

    private boolean deliver(OutboxRow row) {
        Instant now = clock.instant();
        if (!store.renewLease(row.id(), owner, now.plus(LEASE))) {
            return false;       // waited too long in this lane: another node has it now
        }
        if (row.destination().equals(ChannelDelivery.DESTINATION)) {
            return toPerson(row, now);
        }
        try {
            Optional<Endpoint> endpoint = endpoint(row);
            if (endpoint.isEmpty()) {
                store.attempted(row.id(), owner, "delivered", row.attempts(), now, "no endpoint: console or polling");
                listener.attempted(row.destination(), "no_endpoint");
                return true;
            }
            byte[] body = row.payload().getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(endpoint.get().url()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("X-Saath-Delivery", row.idempotencyKey())
                    .header("X-Saath-Signature", WebhookSigner.signature(endpoint.get().secret(),
                            now.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                store.attempted(row.id(), owner, "delivered", row.attempts() + 1, now, null);
                listener.attempted(row.destination(), "delivered");
                return true;
            }
            if (REFUSED_FOR_GOOD.contains(response.statusCode())) {
                dead(row, row.attempts() + 1, now, "HTTP " + response.statusCode() + ", refused for good");
                return false;
            }
            failed(row, now, "HTTP " + response.statusCode(), response.headers().firstValue("Retry-After")
                    .flatMap(PlatformApi::seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {       // any failure of this row is this row's: retried, then dead-lettered
            failed(row, now, e.getClass().getSimpleName());
        }
        return false;
    }

    /** Dead-lettered: never tried again, and the rows behind it for the same receiver go out. */
    private void dead(OutboxRow row, int attempts, Instant now, String error) {
        LOG.warn("outbox delivery {} to {} is dead after {} attempts: {}", row.id(), row.target(), attempts, error);
        store.attempted(row.id(), owner, "dead", attempts, now, error);
        listener.attempted(row.destination(), "dead");
    }

    /** A message to a person on a platform channel: sent by {@link PersonDelivery}, whatever goes wrong retried. */
    private boolean toPerson(OutboxRow row, Instant now) {
        if (people.isEmpty()) {
            failed(row, now, "this dispatcher sends to no platform channel");
            return false;
        }
        try {
            PersonDelivery.Outcome outcome = people.get().deliver(row, owner, backoff);
            listener.attempted(row.destination(), outcome.code);
            return outcome.finished();
        } catch (RuntimeException e) {  // any failure of this row is this row's: retried, then dead-lettered
            failed(row, now, e.getClass().getSimpleName());
            return false;
        }
    }

    private Optional<Endpoint> endpoint(OutboxRow row) {
        return row.destination().equals("callback") ? callback
                : partners.byId(row.target()).filter(p -> p.webhookUrl().isPresent())
                        .map(p -> new Endpoint(p.webhookUrl().get(), p.webhookSecret().orElseThrow()));
    }

    private void failed(OutboxRow row, Instant now, String error) {
        failed(row, now, error, Optional.empty());
    }

    /** As above, not before the wait the partner asked for ({@code Retry-After}). */
    private void failed(OutboxRow row, Instant now, String error, Optional<Duration> asked) {
        int attempts = row.attempts() + 1;
        Optional<Instant> next = backoff.next(attempts, now, asked);
        if (next.isEmpty()) {
            dead(row, attempts, now, error);
            return;
        }
        store.attempted(row.id(), owner, "pending", attempts, next.get(), error);
        listener.attempted(row.destination(), "failed");
    }
}
