package org.saath.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.saath.Concurrently;

/**
 * Password guessing at the console is slowed per login from one address and per address, the window ends on its own,
 * and a stranger's guesses never lock a counsellor out from where they sign in.
 */
class LoginLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final LoginLimiter limiter = new LoginLimiter(3, Duration.ofMinutes(15), nanos::get);

    @Test
    void a_login_is_refused_from_an_address_after_its_failures_until_the_window_ends() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.attempt("sara", "10.0.0.1")).isEmpty();     // each one wrong
        }
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());

        assertThat(limiter.attempt("sara", "10.0.0.1")).hasValue(Duration.ofMinutes(10));
        assertThat(limiter.attempt("omar", "10.0.0.1")).as("another login from there").isEmpty();
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(limiter.attempt("sara", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_stranger_s_wrong_guesses_do_not_lock_the_counsellor_out_from_their_own_address() {
        for (int i = 0; i < 3; i++) {
            limiter.attempt("sara", "203.0.113.7");
        }

        assertThat(limiter.attempt("sara", "203.0.113.7")).isPresent();
        assertThat(limiter.attempt("sara", "10.0.0.1")).as("Sara at her desk").isEmpty();
    }

    @Test
    void one_address_trying_many_logins_is_refused_too() {
        for (int i = 0; i < 12; i++) {
            limiter.attempt("login-" + i, "10.0.0.9");
        }

        assertThat(limiter.attempt("someone-new", "10.0.0.9")).isPresent();
        assertThat(limiter.attempt("someone-new", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_success_clears_the_login_s_failures_and_is_not_counted() {
        limiter.attempt("sara", "10.0.0.1");
        limiter.attempt("sara", "10.0.0.1");
        limiter.attempt("sara", "10.0.0.1");
        limiter.succeeded("sara", "10.0.0.1");

        assertThat(limiter.attempt("sara", "10.0.0.1")).isEmpty();
        for (int i = 0; i < 10; i++) {          // ten good sign-ins from one office
            assertThat(limiter.attempt("login-" + i, "10.0.0.5")).isEmpty();
            limiter.succeeded("login-" + i, "10.0.0.5");
        }
        assertThat(limiter.attempt("login-x", "10.0.0.5")).isEmpty();
    }

    /** Twenty guesses sent at once get the three tries that twenty sent one after another would. */
    @Test
    void a_burst_of_parallel_guesses_gets_no_more_tries_than_one_after_another() throws Exception {
        List<Callable<Optional<Duration>>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(() -> limiter.attempt("sara", "203.0.113.7"));
        }

        assertThat(Concurrently.runAll(burst)).filteredOn(Optional::isEmpty).hasSize(3);
    }
}
