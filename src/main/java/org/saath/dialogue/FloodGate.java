package org.saath.dialogue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.saath.channel.InboundMessage;
import org.saath.limits.RateLimitedException;
import org.saath.limits.RateLimiter;
import org.saath.nlu.Analyser;
import org.saath.nlu.RiskLevel;
import org.saath.privacy.UserRefHasher;

/**
 * The per-sender message limit ({@code limits.messages-per-minute}), in front of {@link TurnProcessor}. Over the
 * limit a message is refused with {@link RateLimitedException} (429 and {@code Retry-After}, which the messaging
 * platforms honour), and nothing is stored; but first the NLU, which costs microseconds, reads it: a message at
 * risk {@code high} or above always goes through and gets its crisis reply and line, flood or not.
 */
public final class FloodGate {

    private final RateLimiter perSender;
    private final UserRefHasher hasher;
    private final Supplier<Analyser> analyser;

    public FloodGate(RateLimiter perSender, UserRefHasher hasher, Supplier<Analyser> analyser) {
        this.perSender = perSender;
        this.hasher = hasher;
        this.analyser = analyser;
    }

    /** The message, when it may be handled now; otherwise throws {@link RateLimitedException}. */
    public InboundMessage admit(InboundMessage in) {
        Optional<Duration> wait = perSender.tryAcquire(hasher.hash(in.channel(), in.userId()));
        if (wait.isEmpty() || analyser.get().analyse(in.text()).risk().atLeast(RiskLevel.HIGH)) {
            return in;
        }
        throw new RateLimitedException("too many messages from this sender", wait.get());
    }
}
