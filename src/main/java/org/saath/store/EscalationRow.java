package org.saath.store;

import java.time.Instant;

/** An escalation as stored; {@code topic} and {@code language} only, never the person's words. */
public record EscalationRow(String id, String conversationId, String state, String reason, String risk,
                            String topic, String language, Instant createdAt) {
}
