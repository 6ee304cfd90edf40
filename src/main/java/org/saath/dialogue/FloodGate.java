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
 * risk {@code high} or above always goes through and gets its crisis reply and line, flood or not. A message id
 * already answered goes through too, whatever the limit, and gets its stored answer (the same request again returns
 * the same answer): the store is asked only then, when the limit would refuse, never for a message within it.
 */
public final class FloodGate {

    private final RateLimiter perSender;
    private final UserRefHasher hasher;
    private final Supplier<Analyser> analyser;
    private final TurnProcessor turns;

    /** @param turns where a message refused by the limit is looked up, in case it was answered before */
    public FloodGate(RateLimiter perSender, UserRefHasher hasher, Supplier<Analyser> analyser, TurnProcessor turns) {
        this.perSender = perSender;
        this.hasher = hasher;
        this.analyser = analyser;
        this.turns = turns;
    }

    /** The message, when it may be handled now; otherwise throws {@link RateLimitedException}. */
    public InboundMessage admit(InboundMessage in) {
        Optional<Duration> wait = perSender.tryAcquire(hasher.hash(in.channel(), in.userId()));
        if (wait.isEmpty() || analyser.get().analyse(in.text()).risk().atLeast(RiskLevel.HIGH)
                || turns.answeredBefore(in).isPresent()) {
            return in;
        }
        throw new RateLimitedException("too many messages from this sender", wait.get());
    }
}
