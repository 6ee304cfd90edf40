package org.saath.dialogue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
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
 * already answered is a repeat (a client's retry, a platform's redelivery): it gets its stored answer (the same
 * request again returns the same answer) and is not counted, under the limit as over it, so that retries of one
 * message never use up what its sender may still send. The store is asked for it before the sender is counted.
 */
public final class FloodGate {

    private final RateLimiter perSender;
    private final UserRefHasher hasher;
    private final Supplier<Analyser> analyser;
    private final TurnProcessor turns;

    /** @param turns where a message is looked up, in case it was answered before */
    public FloodGate(RateLimiter perSender, UserRefHasher hasher, Supplier<Analyser> analyser, TurnProcessor turns) {
        this.perSender = perSender;
        this.hasher = hasher;
        this.analyser = analyser;
        this.turns = turns;
    }

    /**
     * The answer given before, when {@code in} is a repeat of a message already answered (not counted); otherwise
     * counts it against its sender and returns empty when it may be handled now, or throws
     * {@link RateLimitedException} when it may not.
     */
    public Optional<TurnResult> repeatOrAdmit(InboundMessage in) {
        Optional<TurnResult> earlier = turns.answeredBefore(in);
        if (earlier.isPresent()) {
            return earlier;
        }
        Optional<Duration> wait = perSender.tryAcquire(hasher.hash(in.channel(), in.userId()));
        if (wait.isEmpty() || analyser.get().analyse(in.text()).risk().atLeast(RiskLevel.HIGH)) {
            return Optional.empty();
        }
        throw new RateLimitedException("too many messages from this sender", wait.get());
    }
}
