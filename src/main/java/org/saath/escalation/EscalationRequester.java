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
     * Who a message counts against: its sender and, where a new sender costs nothing, its client address. Asked at
     * most once per message ({@link Admission#allowed}), so that a unit of work that runs again (see
     * {@code JdbcConversations}) spends no second place in the limits.
     *
     * @param sender the sender's keyed hash (never the raw id)
     * @param origin the client address the message came from (see {@code InboundMessage.origin}); counted in memory,
     *               never stored
     */
    public Admission admission(String sender, Optional<String> origin) {
        return new Admission(sender, origin);
    }

    /** One message's place in the escalation limits, taken the first time it is asked for and remembered. */
    public final class Admission {

        private final String sender;
        private final Optional<String> origin;
        private Boolean allowed;

        private Admission(String sender, Optional<String> origin) {
            this.sender = sender;
            this.origin = origin;
        }

        /** Whether this message may open an escalation; the limits are asked the first time only. */
        synchronized boolean allowed(String conversationId) {
            if (allowed == null) {
                if (origin.flatMap(perOrigin::tryAcquire).isPresent()) {
                    LOG.warn("escalation limit of one address reached: conversation {} gets its crisis reply but no "
                            + "new escalation", conversationId);
                    allowed = false;
                } else if (perSender.tryAcquire(sender).isPresent()) {
                    LOG.warn("escalation limit reached: conversation {} gets its crisis reply but no new escalation",
                            conversationId);
                    allowed = false;
                } else {
                    allowed = true;
                }
            }
            return allowed;
        }
    }

    /**
     * A new escalation when {@code escalate} is set, {@code open} is empty and the message is within the limits
     * ({@code admission}); otherwise empty.
     *
     * @param askedForPerson true when the person asked for a human (else the reason is the risk)
     * @param priority       the rule book's {@code escalate-priority}
     */
    public Optional<Escalation> request(Admission admission, boolean escalate, Optional<Escalation> open,
                                        String conversationId, RiskLevel risk, boolean askedForPerson, String topic,
                                        String language, String priority, Instant now) {
        if (!escalate || open.isPresent() || !admission.allowed(conversationId)) {
            return Optional.empty();
        }
        return Optional.of(new Escalation("esc-" + ids.get(), conversationId, EscalationState.REQUESTED,
                askedForPerson ? "asked" : "risk", risk, topic, language, now, priority));
    }
}
