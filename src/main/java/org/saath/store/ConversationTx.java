package org.saath.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * One conversation's unit of work (see {@link Conversations}). Not thread-safe, and valid only inside
 * {@code withConversation}.
 */
public interface ConversationTx {

    ConversationKey key();

    /**
     * The response stored for a message this person sent before, if any: by its id, or, for a "delete my data"
     * (after which nothing links the id to the person), by its keyed hash {@code messageKey} (see {@link #forget}).
     */
    Optional<String> processedResponse(String messageId, String messageKey);

    Optional<ConversationRow> conversation();

    /** The conversation's open escalation (requested, offered, claimed or active), if any. */
    Optional<EscalationRow> openEscalation();

    /** The safety-plan answers of this conversation, by step. */
    SortedMap<Integer, String> planAnswers();

    /**
     * Takes one of a partner's {@code capacity} places, atomically across turns and nodes: false when it is full.
     * The place is given back when the escalation leaves the partner (a transition or forgetting).
     */
    boolean takePartnerSlot(String partnerId, int capacity);

    /** Records a message id as processed with its response, when the message changed nothing else ("end chat"). */
    void recordProcessed(String conversationId, String messageId, String responseJson, Instant at);

    /** Writes a turn: conversation, processed message id with its response, turn, escalation, outbox, plan answer. */
    void record(TurnWrite write);

    /**
     * Deletes everything about this person (conversation, turns, processed ids, escalations, safety plan, messages
     * kept for them, their outbox rows) and, when {@code messageKey} is given, remembers only that keyed hash of the
     * message id with the response, so that the same "delete my data" delivered again gets the same answer.
     * Returns whether there was anything to delete.
     */
    boolean forget(Optional<String> messageKey, String responseJson, Instant at);

    /**
     * Moves one of this conversation's escalations from one of {@code from} to {@code to}, optionally to another
     * partner (whose place the caller took with {@link #takePartnerSlot}) and only if it still has
     * {@code expectedVersion} when one is given; records who did it, gives back the old partner's place when the
     * escalation leaves it, enqueues {@code outbox} and keeps {@code tell} for the person. False when the
     * escalation was not in a state of {@code from} (or moved on meanwhile).
     */
    boolean transition(String escalationId, Set<String> from, String to, Optional<String> partnerId, String actor,
                       Instant at, Optional<Integer> expectedVersion, List<OutboxRow> outbox,
                       Optional<PersonMessage> tell);

    /** An escalation of this conversation as it is now, read inside the unit of work. */
    Optional<EscalationNow> escalation(String escalationId);

    /** Keeps a message for the person (and sends it to the callback when it carries one). */
    void keepForPerson(PersonMessage message, Instant at);

    /**
     * Records how a counsellor ended one of this conversation's escalations (safe, referred, emergency_services,
     * no_response, other, not_given), in the same unit of work as the transition that ended it.
     */
    void recordOutcome(String escalationId, String outcome);

    /** Where an escalation stands: what a transition is decided on. */
    record EscalationNow(String id, String conversationId, String state, String partnerId, Instant offeredAt,
                         int version) {
    }

    /**
     * A message kept for the person (a counsellor's words, a status note) with who wrote it ({@code counsellor:<id>},
     * {@code partner:<id>}, {@code saath}), and optionally sent to a callback.
     */
    record PersonMessage(String sender, String text, String actor, Optional<OutboxRow> callback) {
    }
}
