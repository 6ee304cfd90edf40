package org.saath.outbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook on a local port, as a partner would write it: it checks the signature over the raw body and
 * drops deliveries it has seen (by {@code X-Saath-Delivery}). It can be told to fail the next N requests.
 */
public final class PartnerEndpoint implements AutoCloseable {

    /** One request as received. */
    public record Received(String deliveryId, String body, boolean signatureValid, int status) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new ArrayList<>();
    private final Set<String> processed = new LinkedHashSet<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger dropAfterProcessing = new AtomicInteger();
    private final AtomicInteger refuseNextWith = new AtomicInteger();
    private final AtomicInteger waitAskedNext = new AtomicInteger();
    private volatile boolean down;

    public PartnerEndpoint(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Saath-Signature");
            String delivery = exchange.getRequestHeaders().getFirst("X-Saath-Delivery");
            boolean valid = signature != null && signature.equals(WebhookSigner.signature(secret,
                    Long.parseLong(signature.substring(2, signature.indexOf(','))), body));
            synchronized (this) {
                int refused = refuseNextWith.getAndSet(0);
                int status = refused > 0 ? refused
                        : down || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
                received.add(new Received(delivery, new String(body, StandardCharsets.UTF_8), valid, status));
                notifyAll();
                if (status == 200 && valid) {
                    processed.add(delivery);
                }
                if (status == 200 && dropAfterProcessing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.close(); // processed, but the answer never reaches Saath: as if it crashed mid-delivery
                    return;
                }
                int wait = status == 429 ? waitAskedNext.getAndSet(0) : 0;
                if (wait > 0) {
                    exchange.getResponseHeaders().add("Retry-After", String.valueOf(wait));
                }
                exchange.sendResponseHeaders(status, -1);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public String secret() {
        return secret;
    }

    public void failNext(int requests) {
        failNext.set(requests);
    }

    /** Answers the next request with {@code status} (a refusal such as 422), the ones after as before. */
    public void refuseNext(int status) {
        refuseNextWith.set(status);
    }

    /** Answers the next request 429 with {@code Retry-After: seconds}. */
    public void rateLimitNext(int seconds) {
        waitAskedNext.set(seconds);
        refuseNextWith.set(429);
    }

    /** Answers 503 to everything while down. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Processes the next N deliveries but drops the connection before answering. */
    public void dropAfterProcessing(int requests) {
        dropAfterProcessing.set(requests);
    }

    /** How many requests carried this delivery id. */
    public synchronized long attempts(String deliveryId) {
        return received.stream().filter(r -> deliveryId.equals(r.deliveryId())).count();
    }

    /** Waits until {@code count} requests arrived (or {@code max} passed); returns whether they did. */
    public synchronized boolean awaitReceived(int count, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return received.size() >= count;
    }

    /** Waits until every one of {@code deliveryIds} was processed (or {@code max} passed); returns whether it was. */
    public synchronized boolean awaitProcessed(java.util.Collection<String> deliveryIds, java.time.Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!processed.containsAll(deliveryIds) && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return processed.containsAll(deliveryIds);
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Delivery ids processed once each, in the order they were first accepted. */
    public synchronized List<String> processed() {
        return List.copyOf(processed);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
