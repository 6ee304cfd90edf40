package org.saath.escalation;

import java.time.Duration;

/** Too many failed sign-ins for a login or from an address: 429 with {@code Retry-After}. */
public final class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("too many failed sign-ins; try again in " + Math.max(1, retryAfter.toMinutes()) + " minutes");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
