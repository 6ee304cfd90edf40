package org.saath.escalation;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Slows down password guessing at the console: after {@code maxFailures} failed sign-ins for one login within
 * {@code window} (or four times as many from one address), further attempts are refused until the window ends.
 * Per node and in memory: a restart forgets, which only ever helps a real counsellor.
 */
public final class LoginLimiter {

    private record Window(int failures, long startNanos) {
    }

    private final int maxFailures;
    private final Duration window;
    private final Ticker ticker;
    private final Cache<String, Window> failures;

    public LoginLimiter(int maxFailures, Duration window, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).ticker(ticker).maximumSize(100_000).build();
    }

    /** How long to wait before trying again, when this login or address has failed too often. */
    public Optional<Duration> retryAfter(String login, String address) {
        return wait("login:" + login, maxFailures).or(() -> wait("address:" + address, maxFailures * 4));
    }

    public void failed(String login, String address) {
        count("login:" + login);
        count("address:" + address);
    }

    public void succeeded(String login) {
        failures.invalidate("login:" + login);
    }

    private Optional<Duration> wait(String key, int max) {
        Window w = current(key);
        if (w == null || w.failures() < max) {
            return Optional.empty();
        }
        return Optional.of(window.minusNanos(ticker.read() - w.startNanos()));
    }

    private void count(String key) {
        Window w = current(key);
        failures.put(key, w == null ? new Window(1, ticker.read()) : new Window(w.failures() + 1, w.startNanos()));
    }

    private Window current(String key) {
        Window w = failures.getIfPresent(key);
        return w == null || ticker.read() - w.startNanos() >= window.toNanos() ? null : w;
    }
}
