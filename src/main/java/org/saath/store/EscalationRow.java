package org.saath.store;

import java.time.Instant;

/**
 * An escalation as stored; {@code topic} and {@code language} only, never the person's words. {@code partnerId} is
 * set when it was offered to a partner; {@code country} is the person's, for routing.
 */
public record EscalationRow(String id, String conversationId, String state, String reason, String risk,
                            String topic, String language, Instant createdAt, String partnerId, String country) {

    public EscalationRow(String id, String conversationId, String state, String reason, String risk, String topic,
                         String language, Instant createdAt) {
        this(id, conversationId, state, reason, risk, topic, language, createdAt, null, null);
    }
}
