package org.saath.store;

import java.util.List;
import java.util.Optional;

/**
 * Everything one accepted message changes, written in one transaction: the conversation (inserted or updated),
 * the processed message id with the response, the turn, a new escalation if one was opened, and a safety-plan
 * answer (redacted) if one was given.
 */
public record TurnWrite(ConversationRow conversation, boolean newConversation, String messageId,
                        String responseJson, TurnRow turn, Optional<EscalationRow> newEscalation,
                        Optional<PlanAnswer> planAnswer, List<OutboxRow> outbox) {

    public TurnWrite {
        outbox = List.copyOf(outbox);
    }

    /** A turn that sends nothing through the outbox. */
    public TurnWrite(ConversationRow conversation, boolean newConversation, String messageId, String responseJson,
                     TurnRow turn, Optional<EscalationRow> newEscalation, Optional<PlanAnswer> planAnswer) {
        this(conversation, newConversation, messageId, responseJson, turn, newEscalation, planAnswer, List.of());
    }

    /** One answered safety-plan step. */
    public record PlanAnswer(int step, String answerRedacted) {
    }
}
