package org.saath.store;

import java.util.function.Function;

/**
 * The one way to change a conversation: the whole turn (or a counsellor's action on it) runs inside one unit of
 * work for one conversation, and nothing else writes that conversation meanwhile. Reads inside see every unit
 * committed before; writes commit together when {@code work} returns, or not at all when it throws.
 */
public interface Conversations {

    <T> T withConversation(ConversationKey key, Function<ConversationTx, T> work);
}
