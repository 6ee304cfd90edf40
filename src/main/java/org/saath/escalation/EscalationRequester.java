package org.saath.escalation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.saath.limits.RateLimiter;
import org.saath.nlu.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a turn that should escalate opens a new escalation: one open escalation per conversation, so
 * a second crisis message keeps the first request instead of queuing a duplicate; and at most a configured number
 * of new escalations per sender and window ({@code limits.escalations-per-sender}), so that fake crises cannot
 * fill every partner's capacity; where a new sender costs nothing (the web chat), also at most
 * {@value #PER_ORIGIN} times as many per client address. Over a limit the turn still gets its crisis reply and lines
 * from the safety floor; only no new escalation is opened.
 */
public final class EscalationRequester {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationRequester.class);

    /** How many senders' worth of escalations one client address may open (a household, an office, a school). */
    public static final int PER_ORIGIN = 4;

    private final Supplier<UUID> ids;
    private final RateLimiter perSender;
    private final RateLimiter perOrigin;

    /**
     * @param perSender the per-sender limit
     * @param perOrigin the per-address limit, for messages that carry an origin
     */
    public EscalationRequester(Supplier<UUID> ids, RateLimiter perSender, RateLimiter perOrigin) {
        this.ids = ids;
        this.perSender = perSender;
        this.perOrigin = perOrigin;
    }

    /**
     * A new escalation when {@code escalate} is set, {@code open} is empty and {@code sender} is within its limit;
     * otherwise empty.
     *
     * @param sender the sender's keyed hash (never the raw id)
     * @param origin the client address the message came from, where a new sender costs nothing (see
     *               {@code InboundMessage.origin}); counted in memory, never stored
     * @param askedForPerson true when the person asked for a human (else the reason is the risk)
     * @param priority       the rule book's {@code escalate-priority}
     */
    public Optional<Escalation> request(String sender, Optional<String> origin, boolean escalate,
                                        Optional<Escalation> open, String conversationId, RiskLevel risk,
                                        boolean askedForPerson, String topic, String language, String priority,
                                        Instant now) {
        if (!escalate || open.isPresent()) {
            return Optional.empty();
        }
        if (origin.flatMap(perOrigin::tryAcquire).isPresent()) {
            LOG.warn("escalation limit of one address reached: conversation {} gets its crisis reply but no new "
                    + "escalation", conversationId);
            return Optional.empty();
        }
        if (perSender.tryAcquire(sender).isPresent()) {
            LOG.warn("escalation limit reached: conversation {} gets its crisis reply but no new escalation",
                    conversationId);
            return Optional.empty();
        }
        return Optional.of(new Escalation("esc-" + ids.get(), conversationId, EscalationState.REQUESTED,
                askedForPerson ? "asked" : "risk", risk, topic, language, now, priority));
    }
}
