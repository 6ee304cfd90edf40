package org.saath.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saath.Components;
import org.saath.Sqlite;
import org.saath.TestComponents;
import org.saath.TestPartners;
import org.saath.escalation.Notifications;
import org.saath.store.HandoffStore;
import org.saath.store.OutboxRow;

/**
 * The outbox against a real partner endpoint on a local port: nothing lost, nothing processed twice. A real crash
 * and restart is {@code CrashRestartTest}.
 */
class OutboxDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path dir;
    private PartnerEndpoint endpoint;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void start() throws Exception {
        endpoint = new PartnerEndpoint("partner-a-webhook-secret");
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private Components components() throws Exception {
        return TestComponents.load(TestComponents.config(dir.resolve("data")).withPartnersFile(
                TestPartners.file(dir, endpoint.url(), endpoint.secret()).toString()),
                TestComponents.analyser(), clock);
    }

    private static OutboxDispatcher dispatcher(Components c, MutableClock clock) {
        return new OutboxDispatcher(c.handoffs(), c.partners(), HttpClient.newHttpClient(), clock, () -> 0.5,
                Duration.ofSeconds(10), 12);
    }

    /** Five notifications over two conversations, enqueued in order. */
    private static List<String> enqueue(HandoffStore store) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String conversation = i % 2 == 0 ? "conv-a" : "conv-b";
            OutboxRow row = Notifications.userMessage("partner-a", "esc-" + conversation, conversation, "m-" + i,
                    "message " + i, "low", T0);
            store.enqueue(row);
            keys.add(row.idempotencyKey());
        }
        return keys;
    }

    /**
     * A partner that refuses a delivery for good (422: it does not know the event) has it dead-lettered at once: the
     * person's next messages to the counsellor, which wait behind it, go out in the next round of the dispatcher (a
     * second later), not after 12 retries (12-24 minutes); a 503 is still retried.
     */
    @Test
    void a_delivery_the_partner_refuses_for_good_is_dead_at_once_and_the_ones_behind_it_go_out() throws Exception {
        Components c = components();
        OutboxDispatcher dispatcher = dispatcher(c, clock);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OutboxRow row = Notifications.userMessage("partner-a", "esc-a", "conv-a", "m-" + i, "message " + i,
                    "high", T0);
            c.handoffs().enqueue(row);
            keys.add(row.idempotencyKey());
        }

        endpoint.refuseNext(422);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();                   // the service's next round, a second later

        assertThat(endpoint.processed()).containsExactly(keys.get(1), keys.get(2));
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT state || ' ' || attempts FROM outbox "
                + "WHERE state <> 'delivered'")).containsExactly("dead 1");

        c.handoffs().enqueue(Notifications.userMessage("partner-a", "esc-a", "conv-a", "m-3", "message 3", "high",
                T0));
        endpoint.refuseNext(503);
        dispatcher.dispatchDue();
        assertThat(c.handoffs().backlog()).as("a 503 is retried later").isEqualTo(1);
    }

    /** A partner that answers 429 with {@code Retry-After} is not called again before that wait. */
    @Test
    void a_partner_s_retry_after_is_honoured() throws Exception {
        Components c = components();
        OutboxDispatcher dispatcher = dispatcher(c, clock);
        c.handoffs().enqueue(Notifications.userMessage("partner-a", "esc-a", "conv-a", "m-1", "message", "high", T0));

        endpoint.rateLimitNext(300);
        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(290));
        dispatcher.dispatchDue();
        assertThat(endpoint.received()).as("not called again within the wait").hasSize(1);
        clock.advance(Duration.ofSeconds(11));
        dispatcher.dispatchDue();

        assertThat(endpoint.received()).hasSize(2);
        assertThat(c.handoffs().backlog()).isZero();
    }

    /**
     * A lane that reaches its last round claims nothing it will not try: a backlog larger than one lane drains
     * (1,100 offers of 1,100 conversations: a lane tries 100, then 99 rounds of 10), the rest at the next start,
     * not a minute later when a lease runs out.
     */
    @Test
    void a_lane_ending_leaves_no_row_claimed_and_untried() throws Exception {
        Components c = components();
        OutboxDispatcher dispatcher = dispatcher(c, clock);
        for (int i = 0; i < 1_100; i++) {
            c.handoffs().enqueue(Notifications.userMessage("partner-a", "esc-" + i, "conv-" + i, "m-" + i,
                    "message " + i, "low", T0));
        }

        int first = dispatcher.start().join();
        int second = dispatcher.start().join();

        assertThat(first).isEqualTo(1_090);
        assertThat(second).as("the rest, at the next start").isEqualTo(10);
        assertThat(c.handoffs().backlog()).isZero();
    }

    @Test
    void a_partner_down_for_ten_minutes_gets_everything_once_in_order_signed() throws Exception {
        Components c = components();
        OutboxDispatcher dispatcher = dispatcher(c, clock);
        List<String> keys = enqueue(c.handoffs());

        endpoint.down(true);
        for (int s = 0; s <= 600; s += 15) {       // ten minutes of failures, dispatching every 15 s
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(15));
        }
        assertThat(endpoint.processed()).isEmpty();
        endpoint.down(false);
        for (int s = 0; s <= 600; s += 15) {       // back up: backoff is capped, so everything drains
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(15));
        }

        // raw requests, repeats included: every key accepted exactly once, in order per conversation
        List<String> accepted = endpoint.received().stream().filter(r -> r.status() == 200)
                .map(PartnerEndpoint.Received::deliveryId).toList();
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(accepted).filteredOn(k -> k.contains("conv-a"))
                .containsExactly(keys.get(0), keys.get(2), keys.get(4));
        assertThat(endpoint.received()).allMatch(PartnerEndpoint.Received::signatureValid);
        assertThat(c.handoffs().backlog()).isZero();
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT DISTINCT state FROM outbox")).containsExactly("delivered");
    }

    @Test
    void a_delivery_cut_off_after_the_partner_processed_it_is_sent_again_with_the_same_id_and_processed_once()
            throws Exception {
        Components c = components();
        OutboxDispatcher dispatcher = dispatcher(c, clock);
        List<String> keys = enqueue(c.handoffs());
        endpoint.dropAfterProcessing(1);

        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();

        assertThat(endpoint.attempts(keys.get(0))).isEqualTo(2);
        assertThat(endpoint.processed()).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void after_the_last_attempt_a_delivery_is_dead_lettered_not_retried_forever() throws Exception {
        Components c = components();
        OutboxDispatcher dispatcher = dispatcher(c, clock);
        enqueue(c.handoffs());
        endpoint.down(true);

        for (int i = 0; i < 200; i++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT DISTINCT state FROM outbox")).containsExactly("dead");
        assertThat(Sqlite.strings(dir.resolve("data"), "SELECT DISTINCT attempts FROM outbox")).containsExactly("12");
    }
}
