package org.saath.escalation;

import java.time.Instant;

import org.saath.nlu.RiskLevel;

/**
 * A request for a human counsellor. {@code reason} says why ({@code risk} or {@code asked}); {@code topic} and
 * {@code language} are what a partner needs for routing, never the person's words; {@code priority} is the rule
 * book's {@code escalate-priority} ({@code normal} or {@code urgent}).
 */
public record Escalation(String id, String conversationId, EscalationState state, String reason, RiskLevel risk,
                         String topic, String language, Instant createdAt, String priority) {

    /** This escalation, offered to a partner. */
    public Escalation offered() {
        return new Escalation(id, conversationId, EscalationState.OFFERED, reason, risk, topic, language, createdAt,
                priority);
    }
}
