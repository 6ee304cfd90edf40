package org.saath.limits;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A token bucket per key (a sender's keyed hash, a partner): up to {@code burst} events at once, refilled evenly so
 * that {@code burst} more are allowed per {@code window}. Buckets live in memory only, in a bounded Caffeine cache,
 * and a bucket idle for a whole window is dropped (it would be full again anyway). Each node counts on its own:
 * behind a load balancer with N nodes a sender gets at most N times the limit. Time comes from the injected
 * {@link Ticker}, so tests move it by hand.
 */
public final class RateLimiter {

    private static final long MAX_KEYS = 200_000;

    private record Bucket(double tokens, long at) {
    }

    private final Cache<String, Bucket> buckets;
    private final int burst;
    private final double tokensPerNano;
    private final Ticker ticker;

    public RateLimiter(int burst, Duration window, Ticker ticker) {
        if (burst < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a burst >= 1 and a positive window");
        }
        this.burst = burst;
        this.tokensPerNano = burst / (double) window.toNanos();
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(MAX_KEYS).ticker(ticker)
                .executor(Runnable::run)       // its upkeep on the request's thread: no wake-up of another per message
                .build();
    }

    /**
     * Takes one event for {@code key}: empty when it is allowed (and counted), else how long until the next one
     * would be (nothing is counted then).
     */
    public Optional<Duration> tryAcquire(String key) {
        long now = ticker.read();
        Duration[] wait = {null};
        buckets.asMap().compute(key, (k, bucket) -> {
            double tokens = bucket == null ? burst
                    : Math.min(burst, bucket.tokens() + Math.max(0, now - bucket.at()) * tokensPerNano);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
            return new Bucket(tokens, now);
        });
        return Optional.ofNullable(wait[0]);
    }

    /**
     * Returns one event taken by {@link #tryAcquire} for {@code key} that turned out not to count (a repeat of a
     * message already answered); never above the burst.
     */
    public void giveBack(String key) {
        buckets.asMap().computeIfPresent(key, (k, bucket) -> new Bucket(Math.min(burst, bucket.tokens() + 1),
                bucket.at()));
    }
}
