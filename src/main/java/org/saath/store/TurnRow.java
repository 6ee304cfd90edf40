package org.saath.store;

import java.time.Instant;

/**
 * One turn as stored: the redacted text, what the NLU said, which rule answered, the helplines shown (ids, comma
 * separated), the reply and the model version.
 */
public record TurnRow(String id, String conversationId, String messageId, Instant createdAt, String textRedacted,
                      String language, String intent, double confidence, String risk, String conversationRisk,
                      String signals, String ruleId, String helplines, String replyText, String modelVersion) {
}
