package org.saath.store;

import java.time.Instant;

/**
 * An escalation as stored; {@code topic} and {@code language} only, never the person's words. {@code partnerId} is
 * set when it was offered to a partner; {@code country} is the person's, for routing; {@code priority} the rule
 * book's {@code escalate-priority} ({@code normal} or {@code urgent}), which orders a partner's queue within a risk.
 */
public record EscalationRow(String id, String conversationId, String state, String reason, String risk,
                            String topic, String language, Instant createdAt, String partnerId, String country,
                            String priority) {

    public static final String NORMAL = "normal";
    public static final String URGENT = "urgent";

    public EscalationRow {
        priority = URGENT.equals(priority) ? URGENT : NORMAL;
    }

    public EscalationRow(String id, String conversationId, String state, String reason, String risk, String topic,
                         String language, Instant createdAt, String partnerId, String country) {
        this(id, conversationId, state, reason, risk, topic, language, createdAt, partnerId, country, NORMAL);
    }

    public EscalationRow(String id, String conversationId, String state, String reason, String risk, String topic,
                         String language, Instant createdAt) {
        this(id, conversationId, state, reason, risk, topic, language, createdAt, null, null);
    }
}
