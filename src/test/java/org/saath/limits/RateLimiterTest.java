package org.saath.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A ticker the test moves by hand. */
    private static final class FakeTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong(1_000);

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }

    private final FakeTicker ticker = new FakeTicker();

    @Test
    void a_burst_up_to_the_limit_passes_and_the_next_is_told_how_long_to_wait() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), ticker);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).as("event " + i).isEmpty();
        }
        assertThat(limiter.tryAcquire("a")).contains(Duration.ofSeconds(20));
    }

    @Test
    void the_bucket_refills_evenly_over_the_window() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), ticker);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }

        ticker.advance(Duration.ofSeconds(19));
        assertThat(limiter.tryAcquire("a")).as("a refused event is not counted").contains(Duration.ofSeconds(1));
        ticker.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isPresent();

        ticker.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).as("full again after a long pause, never more").isEmpty();
        }
        assertThat(limiter.tryAcquire("a")).isPresent();
    }

    @Test
    void senders_do_not_share_a_bucket() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofDays(1), ticker);

        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isPresent();
        assertThat(limiter.tryAcquire("b")).isEmpty();
    }

    @Test
    void an_event_given_back_can_be_taken_again_but_never_above_the_burst() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofDays(1), ticker);
        limiter.giveBack("u1");                      // nothing taken yet: no bucket to give back to
        assertThat(limiter.tryAcquire("u1")).isEmpty();
        assertThat(limiter.tryAcquire("u1")).isEmpty();
        assertThat(limiter.tryAcquire("u1")).isPresent();

        limiter.giveBack("u1");

        assertThat(limiter.tryAcquire("u1")).isEmpty();
        assertThat(limiter.tryAcquire("u1")).isPresent();
        limiter.giveBack("u1");
        limiter.giveBack("u1");
        limiter.giveBack("u1");
        assertThat(limiter.tryAcquire("u1")).isEmpty();
        assertThat(limiter.tryAcquire("u1")).isEmpty();
        assertThat(limiter.tryAcquire("u1")).as("three given back, but the burst is two").isPresent();
    }

    @Test
    void a_limit_without_room_for_one_event_is_refused() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofMinutes(1), ticker))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
