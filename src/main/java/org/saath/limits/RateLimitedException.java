package org.saath.limits;

import java.time.Duration;

/** A sender is over a rate limit; mapped to {@code 429} with {@code Retry-After} by {@code web.ErrorMapping}. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(String what, Duration retryAfter) {
        super(what + "; please retry after " + seconds(retryAfter) + " seconds");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one (what {@code Retry-After} carries). */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
