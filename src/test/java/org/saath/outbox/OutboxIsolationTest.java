package org.saath.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.escalation.Notifications;
import org.saath.escalation.PartnerDirectory;
import org.saath.store.OutboxRow;

/**
 * One partner's trouble is its own: a hanging endpoint does not delay another partner's crisis offer, and a row that
 * cannot be sent at all (a bad URL, a header the HTTP client refuses, any exception) is retried and dead-lettered
 * without holding back the rows behind it (issue 12, point 4).
 */
class OutboxIsolationTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private PartnerEndpoint fast;
    private HttpServer hanging;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (fast != null) {
            fast.close();
        }
        if (hanging != null) {
            hanging.stop(0);
        }
    }

    private Components components(String slowUrl) throws Exception {
        fast = new PartnerEndpoint("fast-partner-secret-0123");
        Path partners = Files.writeString(dir.resolve("partners.yaml"), """
                partners:
                  - {id: slow, name: S, countries: [PK], capacity: 9, api-key-sha256: %1$s,
                     webhook: {url: "%2$s", secret: "slow-partner-secret-0123"}}
                  - {id: fast, name: F, countries: [AE], capacity: 9, api-key-sha256: %1$s,
                     webhook: {url: "%3$s", secret: "fast-partner-secret-0123"}}
                """.formatted(PartnerDirectory.sha256("key-0123456789abcdef"), slowUrl, fast.url()));
        return TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(partners.toString()),
                TestComponents.analyser(), clock);
    }

    private static OutboxDispatcher dispatcher(Components c, MutableClock clock) {
        return new OutboxDispatcher(c.handoffs(), c.partners(), HttpClient.newHttpClient(), clock, () -> 0.5,
                Duration.ofSeconds(10), 12);
    }

    private static OutboxRow offer(String partner, String conversation) {
        return Notifications.offered(partner, "esc-" + conversation, conversation, "high", "crisis", "en", 1, T0);
    }

    @Test
    void a_hanging_partner_does_not_delay_another_partner_s_offer() throws Exception {
        hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hanging.createContext("/hook", exchange -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hanging.start();
        Components c = components("http://127.0.0.1:" + hanging.getAddress().getPort() + "/hook");
        c.handoffs().enqueue(offer("slow", "conv-slow"));   // first in the queue
        c.handoffs().enqueue(offer("fast", "conv-fast"));

        CompletableFuture<Integer> running = dispatcher(c, clock).start();

        assertThat(entered.await(30, TimeUnit.SECONDS)).as("the slow partner's request is hanging").isTrue();
        assertThat(fast.awaitReceived(1, Duration.ofSeconds(30))).as("the other partner got its offer").isTrue();
        assertThat(release.getCount()).as("while the slow one still hangs").isEqualTo(1);
        release.countDown();
        assertThat(running.join()).isEqualTo(2);
    }

    @Test
    void a_row_with_a_bad_url_is_dead_lettered_and_the_rows_behind_it_go_out() throws Exception {
        Components c = components("http://bad host/hook");
        c.handoffs().enqueue(offer("slow", "conv-1"));
        c.handoffs().enqueue(offer("fast", "conv-2"));
        OutboxDispatcher dispatcher = dispatcher(c, clock);

        dispatcher.dispatchDue();
        assertThat(fast.processed()).hasSize(1);
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMinutes(5));
            dispatcher.dispatchDue();
        }

        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT state || ' ' || attempts FROM outbox "
                + "WHERE target = 'slow'")).containsExactly("dead 12");
    }

    /**
     * A header the HTTP client refuses (a relayed message's id with a newline once got into one) used to stall every
     * delivery behind it; any such row is now one row's failure.
     */
    @Test
    void a_row_whose_header_the_client_refuses_does_not_hold_back_others_to_the_same_partner() throws Exception {
        Components c = components("http://127.0.0.1:9/unused");
        c.handoffs().enqueue(new OutboxRow("ob-bad", "esc-1:user:m\n1", "conv-1", "partner", "fast", "{}", "pending", 0,
                T0, T0));
        List<OutboxRow> good = List.of(offer("fast", "conv-2"), offer("fast", "conv-3"));
        good.forEach(c.handoffs()::enqueue);
        OutboxDispatcher dispatcher = dispatcher(c, clock);

        dispatcher.dispatchDue();

        assertThat(fast.processed()).containsExactlyInAnyOrderElementsOf(good.stream()
                .map(OutboxRow::idempotencyKey).toList());
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT state || ' ' || attempts FROM outbox "
                + "WHERE conversation_id = 'conv-1'")).containsExactly("pending 1");
        assertThat(Optional.of(c.handoffs().backlog())).contains(1);
    }

}
