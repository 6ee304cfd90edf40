package org.saath.store;

import java.util.Optional;

/**
 * Everything one accepted message changes, written in one transaction: the conversation (inserted or updated),
 * the processed message id with the response, the turn, a new escalation if one was opened, and a safety-plan
 * answer (redacted) if one was given.
 */
public record TurnWrite(ConversationRow conversation, boolean newConversation, String messageId,
                        String responseJson, TurnRow turn, Optional<EscalationRow> newEscalation,
                        Optional<PlanAnswer> planAnswer) {

    /** One answered safety-plan step. */
    public record PlanAnswer(int step, String answerRedacted) {
    }
}
