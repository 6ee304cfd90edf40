package org.saath.escalation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.saath.nlu.RiskLevel;

/**
 * Decides whether a turn that should escalate opens a new escalation: one open escalation per conversation, so
 * a second crisis message keeps the first request instead of queuing a duplicate. Partners and delivery come
 * later; for now the request is recorded and the reply says honestly what happens next.
 */
public final class EscalationRequester {

    private final Supplier<UUID> ids;

    public EscalationRequester(Supplier<UUID> ids) {
        this.ids = ids;
    }

    /**
     * A new escalation when {@code escalate} is set and {@code open} is empty; otherwise empty.
     *
     * @param askedForPerson true when the person asked for a human (else the reason is the risk)
     */
    public Optional<Escalation> request(boolean escalate, Optional<Escalation> open, String conversationId,
                                        RiskLevel risk, boolean askedForPerson, String topic, String language,
                                        Instant now) {
        if (!escalate || open.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Escalation("esc-" + ids.get(), conversationId, EscalationState.REQUESTED,
                askedForPerson ? "asked" : "risk", risk, topic, language, now));
    }
}
