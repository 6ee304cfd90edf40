package org.saath.store;

import java.util.List;
import java.util.Optional;

/**
 * Everything one accepted message changes, written in one transaction: the conversation (inserted or updated),
 * the processed message id with the response, the turn, a new escalation if one was opened, the open escalation's
 * risk if the conversation's rose above it, and a safety-plan answer (redacted) if one was given.
 */
public record TurnWrite(ConversationRow conversation, boolean newConversation, String messageId,
                        String responseJson, TurnRow turn, Optional<EscalationRow> newEscalation,
                        Optional<PlanAnswer> planAnswer, List<OutboxRow> outbox,
                        Optional<RaisedEscalation> raisedEscalation) {

    public TurnWrite {
        outbox = List.copyOf(outbox);
    }

    /** A turn that raises no open escalation's risk. */
    public TurnWrite(ConversationRow conversation, boolean newConversation, String messageId, String responseJson,
                     TurnRow turn, Optional<EscalationRow> newEscalation, Optional<PlanAnswer> planAnswer,
                     List<OutboxRow> outbox) {
        this(conversation, newConversation, messageId, responseJson, turn, newEscalation, planAnswer, outbox,
                Optional.empty());
    }

    /** A turn that sends nothing through the outbox. */
    public TurnWrite(ConversationRow conversation, boolean newConversation, String messageId, String responseJson,
                     TurnRow turn, Optional<EscalationRow> newEscalation, Optional<PlanAnswer> planAnswer) {
        this(conversation, newConversation, messageId, responseJson, turn, newEscalation, planAnswer, List.of());
    }

    /**
     * The open escalation's new risk, priority and topic: a person who asked for a human and then wrote of a crisis
     * while waiting moves up the partner's queue, and a re-offer goes to a partner that takes crises and tells it
     * the risk as it is now.
     */
    public record RaisedEscalation(String escalationId, String risk, String priority, String topic) {
    }

    /** One answered safety-plan step. */
    public record PlanAnswer(int step, String answerRedacted) {
    }
}
