package org.saath.escalation;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Slows down password guessing at the console: after {@code maxFailures} failed sign-ins for one login from one
 * address within {@code window} (or four times as many from one address, whatever the logins), further attempts from
 * there are refused until the window ends. Keyed by login and address together, so that a stranger's wrong guesses
 * cannot lock a counsellor out of their own shift (passwords are at least 12 characters under bcrypt: guessing from
 * many addresses gains nothing). An attempt is counted when it starts, atomically with the check, so a burst of
 * parallel guesses gets no more tries than one after the other; a success takes its own count back. Per node and in
 * memory: a restart forgets, which only ever helps a real counsellor.
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

    /**
     * Starts an attempt: how long to wait when this login from this address, or this address, has failed too often;
     * otherwise empty, and the attempt is counted as failed until {@link #succeeded} takes it back.
     */
    public synchronized Optional<Duration> attempt(String login, String address) {
        Optional<Duration> wait = wait(loginKey(login, address), maxFailures)
                .or(() -> wait(addressKey(address), maxFailures * 4));
        if (wait.isEmpty()) {
            count(loginKey(login, address), 1);
            count(addressKey(address), 1);
        }
        return wait;
    }

    /** The attempt succeeded: the login's failures from this address are forgotten, and this attempt uncounted. */
    public synchronized void succeeded(String login, String address) {
        failures.invalidate(loginKey(login, address));
        count(addressKey(address), -1);
    }

    private static String loginKey(String login, String address) {
        return "login:" + login + "@" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private Optional<Duration> wait(String key, int max) {
        Window w = current(key);
        if (w == null || w.failures() < max) {
            return Optional.empty();
        }
        return Optional.of(window.minusNanos(ticker.read() - w.startNanos()));
    }

    private void count(String key, int by) {
        Window w = current(key);
        if (w == null) {
            if (by > 0) {
                failures.put(key, new Window(by, ticker.read()));
            }
            return;
        }
        failures.put(key, new Window(Math.max(0, w.failures() + by), w.startNanos()));
    }

    private Window current(String key) {
        Window w = failures.getIfPresent(key);
        return w == null || ticker.read() - w.startNanos() >= window.toNanos() ? null : w;
    }
}
