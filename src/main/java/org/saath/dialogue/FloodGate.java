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
 * already answered (a client's retry, a platform's redelivery) gets its stored answer and uses up nothing of its
 * sender's limit: within the limit the turn finds it answered and its count is given back; over the limit the store
 * is asked for it before the refusal. No store read is added for a new message within the limit.
 */
public final class FloodGate {

    private final RateLimiter perSender;
    private final UserRefHasher hasher;
    private final Supplier<Analyser> analyser;
    private final TurnProcessor turns;

    /** @param turns what handles an admitted message, and where a refused one is looked up in case it was answered */
    public FloodGate(RateLimiter perSender, UserRefHasher hasher, Supplier<Analyser> analyser, TurnProcessor turns) {
        this.perSender = perSender;
        this.hasher = hasher;
        this.analyser = analyser;
        this.turns = turns;
    }

    /**
     * The answer to {@code in}: handled by the turn when its sender is within the limit or it is a crisis, the stored
     * answer when it was answered before; otherwise throws {@link RateLimitedException}.
     */
    public TurnResult handle(InboundMessage in) {
        return answer(in).result();
    }

    /** As {@link #handle}, the answer as the JSON stored with the message id: a repeat gets the same bytes. */
    public String handleAsJson(InboundMessage in) {
        return answer(in).json();
    }

    private TurnProcessor.Answer answer(InboundMessage in) {
        String sender = hasher.hash(in.channel(), in.userId());
        Optional<Duration> wait = perSender.tryAcquire(sender);
        if (wait.isPresent() && !analyser.get().analyse(in.text()).risk().atLeast(RiskLevel.HIGH)) {
            return turns.answeredBefore(in, sender)
                    .orElseThrow(() -> new RateLimitedException("too many messages from this sender", wait.get()));
        }
        TurnProcessor.Answer answer = turns.answer(in, sender);     // the sender's hash is made once
        if (answer.repeat() && wait.isEmpty()) {
            perSender.giveBack(sender);
        }
        return answer;
    }
}
