package org.saath.store;

import java.util.Optional;

/** Durable conversation state: SQLite by default, PostgreSQL when several nodes share it. */
public interface ConversationStore {

    /** The response stored for a message id already processed for this user, if any. */
    Optional<String> processedResponse(String channel, String userRef, String messageId);

    Optional<ConversationRow> conversation(String channel, String userRef);

    /** The conversation's open escalation (requested, offered, claimed or active), if any. */
    Optional<EscalationRow> openEscalation(String conversationId);

    /**
     * Writes a turn atomically. When the same message id was recorded concurrently, nothing is written and the
     * earlier response is returned; otherwise {@code write.responseJson()}.
     */
    String record(TurnWrite write);

    /** The safety-plan answers of a conversation, by step. */
    java.util.SortedMap<Integer, String> planAnswers(String conversationId);

    /**
     * Deletes everything about one person: conversation, turns, processed message ids, escalations and safety
     * plan, so that no trace stays in the store's files. Returns whether there was anything to delete.
     */
    boolean forget(String channel, String userRef);

    /**
     * As {@link #forget(String, String)}, and in the same transaction queues {@code afterwards} (the confirmation
     * for a person on a platform channel, which carries its own sealed address); a row whose idempotency key is
     * already queued is skipped, so a platform's redelivery of "delete my data" confirms only once.
     */
    boolean forget(String channel, String userRef, java.util.List<OutboxRow> afterwards);

    /** Turns stored at or after {@code since}, for the labelling export (redacted text, no user reference). */
    java.util.List<ExportRow> turnsSince(java.time.Instant since);

    /**
     * Deletes turns, messages kept for people, delivered or dead outbox rows and the channel addresses of people
     * who have not written since before {@code before} (retention); returns how many rows went.
     */
    int deleteTurnsBefore(java.time.Instant before);
}
