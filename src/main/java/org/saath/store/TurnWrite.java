package org.saath.store;

import java.util.Optional;

/**
 * Everything one accepted message changes, written in one transaction: the conversation (inserted or updated),
 * the processed message id with the response, the turn, and a new escalation if one was opened.
 */
public record TurnWrite(ConversationRow conversation, boolean newConversation, String messageId,
                        String responseJson, TurnRow turn, Optional<EscalationRow> newEscalation) {
}
