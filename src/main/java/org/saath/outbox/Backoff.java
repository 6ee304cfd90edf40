package org.saath.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential from {@code base} (doubling per attempt, at most five minutes),
 * with jitter between half and all of it so that many failed rows do not retry in step; none after
 * {@code maxAttempts} (the row is dead-lettered).
 */
record Backoff(Duration base, DoubleSupplier jitter, int maxAttempts) {

    private static final Duration MAX = Duration.ofMinutes(5);

    /**
     * As {@link #next(int, Instant)}, and not before {@code asked} from now: the wait the receiver asked for (a
     * 429's {@code Retry-After}), which a fixed backoff would hammer through, spending the row's attempts.
     */
    Optional<Instant> next(int attempts, Instant now, Optional<Duration> asked) {
        return next(attempts, now).map(at -> asked.map(now::plus).filter(at::isBefore).orElse(at));
    }

    /** The time of the next attempt after {@code attempts} failed ones, or empty when there is none. */
    Optional<Instant> next(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long exponential = base.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(exponential, MAX.toMillis());
        return Optional.of(now.plusMillis((long) (capped * (0.5 + 0.5 * jitter.getAsDouble()))));
    }
}
