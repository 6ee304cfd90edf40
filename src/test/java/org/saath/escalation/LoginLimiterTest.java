package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Password guessing at the console is slowed per login and per address, and the window ends on its own. */
class LoginLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final LoginLimiter limiter = new LoginLimiter(3, Duration.ofMinutes(15), nanos::get);

    @Test
    void a_login_is_refused_after_its_failures_until_the_window_ends() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.retryAfter("sara", "10.0.0.1")).isEmpty();
            limiter.failed("sara", "10.0.0.1");
        }
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());

        assertThat(limiter.retryAfter("sara", "10.0.0.2")).hasValue(Duration.ofMinutes(10));
        assertThat(limiter.retryAfter("omar", "10.0.0.2")).as("another login, another address").isEmpty();
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(limiter.retryAfter("sara", "10.0.0.2")).isEmpty();
    }

    @Test
    void one_address_trying_many_logins_is_refused_too() {
        for (int i = 0; i < 12; i++) {
            limiter.failed("login-" + i, "10.0.0.9");
        }

        assertThat(limiter.retryAfter("someone-new", "10.0.0.9")).isPresent();
        assertThat(limiter.retryAfter("someone-new", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_success_clears_the_login_s_failures() {
        limiter.failed("sara", "10.0.0.1");
        limiter.failed("sara", "10.0.0.1");
        limiter.succeeded("sara");
        limiter.failed("sara", "10.0.0.1");

        assertThat(limiter.retryAfter("sara", "10.0.0.1")).isEmpty();
    }
}
