package org.saath.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import org.saath.privacy.SealedAddress;

/**
 * One conversation's unit of work (see {@link Conversations}). Not thread-safe, and valid only inside
 * {@code withConversation}. Everything the work reads goes through here, on the unit's own connection: a read on
 * another pooled connection would not see what the unit wrote, and, with every connection held by a unit waiting
 * for a second one, would starve the pool.
 */
public interface ConversationTx {

    ConversationKey key();

    /**
     * The response stored for a message this person sent before, if any: by its id, or, for a "delete my data"
     * (after which nothing links the id to the person), by its keyed hash {@code messageKey} (see {@link #forget}).
     * {@code textKey} is the keyed hash of the message's text: it is recorded with the message id by this unit's
     * writes, and a message id recorded with another text throws {@link MessageIdReusedException} (a record written
     * before texts were keyed, or forgotten, is not checked).
     */
    Optional<String> processedResponse(String messageId, String messageKey, String textKey);

    Optional<ConversationRow> conversation();

    /** The conversation's open escalation (requested, offered, claimed or active), if any. */
    Optional<EscalationRow> openEscalation();

    /** The safety-plan answers of this conversation, by step. */
    SortedMap<Integer, String> planAnswers();

    /**
     * The person's last {@code limit} messages in this conversation (redacted text as stored), oldest first: the
     * context the risk model reads the next message with. Empty for a new conversation.
     */
    List<String> recentUserTexts(int limit);

    /**
     * Takes one of a partner's {@code capacity} places, atomically across turns and nodes: false when it is full.
     * The place is given back when the escalation leaves the partner (a transition or forgetting).
     */
    boolean takePartnerSlot(String partnerId, int capacity);

    /**
     * Keeps where this person is reached on their platform channel (sealed) and when they wrote; the last-inbound
     * time only moves forward (see {@link AddressStore#remember}). Written with the turn, so a platform's redelivery,
     * which the turn answers from its dedupe, keeps nothing again (not after "delete my data" either).
     */
    void keepAddress(SealedAddress address, Instant wroteAt, Instant at);

    /** Records a message id as processed with its response, when the message changed nothing else. */
    default void recordProcessed(String conversationId, String messageId, String responseJson, Instant at) {
        recordProcessed(conversationId, messageId, responseJson, at, List.of());
    }

    /**
     * As {@link #recordProcessed(String, String, String, Instant)}, queueing {@code outbox} with it (the response's
     * replies to a person on a platform channel: "end chat" while a counsellor held the conversation).
     */
    void recordProcessed(String conversationId, String messageId, String responseJson, Instant at,
                         List<OutboxRow> outbox);

    /** Writes a turn: conversation, processed message id with its response, turn, escalation, outbox, plan answer. */
    void record(TurnWrite write);

    /**
     * Deletes everything about this person (conversation, turns, processed ids, escalations and their transitions,
     * safety plan, messages kept for them, their outbox rows, their sealed channel address, partners' idempotency
     * records about their escalations) and, when {@code messageKey} is given, remembers only that keyed hash of the
     * message id with the response, so that the same "delete my data" delivered again gets the same answer. The open
     * escalation, if {@code ending} names it, ends: who and why are kept apart from the person
     * ({@code escalation_endings}), its partner's place is given back and its partner is told through
     * {@code ending.toPartner()}. Then {@code afterwards} is queued: the confirmation to a person on a platform
     * channel, whose outbox rows carry their own sealed copy of the address (the stored one is gone). Returns whether
     * there was anything to delete.
     */
    boolean forget(Optional<String> messageKey, String responseJson, Instant at, Optional<Ending> ending,
                   List<OutboxRow> afterwards);

    /** {@link #forget(Optional, String, Instant, Optional, List)} with no escalation to end and nothing to queue. */
    default boolean forget(Optional<String> messageKey, String responseJson, Instant at) {
        return forget(messageKey, responseJson, at, Optional.empty(), List.of());
    }

    /**
     * Retention: when nothing happened in this conversation at or after {@code before} (no turn, no change to its
     * escalations, no message for the person), deletes everything about the person as {@link #forget} does and
     * returns true. Checked inside the unit of work, so a message that arrives meanwhile keeps the conversation.
     */
    boolean forgetIfInactiveSince(Instant before, Optional<Ending> ending, Instant at);

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

    /** An escalation as a partner sees it (see {@link HandoffStore#escalation}), read inside the unit of work. */
    Optional<HandoffStore.Escalation> listed(String escalationId);

    /**
     * The partners that let an offer of the escalation lapse or declined it (see
     * {@link HandoffStore#lapsedPartners}).
     */
    Set<String> lapsedPartners(String escalationId);

    /** Where this person is reached on their platform channel, if it is kept (see {@link AddressStore#find}). */
    Optional<AddressStore.Kept> address();

    /** Keeps a message for the person (and sends it to the callback when it carries one). */
    void keepForPerson(PersonMessage message, Instant at);

    /**
     * Records {@code replyId} as what the bot said last in this conversation ({@link ConversationRow#lastReply}), for
     * a note sent outside a turn (the counsellor left: the bot's next reply says it is the bot again).
     */
    void saidLast(String replyId, Instant at);

    /**
     * Records how a counsellor ended one of this conversation's escalations (safe, referred, emergency_services,
     * no_response, other, not_given), in the same unit of work as the transition that ended it.
     */
    void recordOutcome(String escalationId, String outcome);

    /**
     * How the person's open escalation {@code escalationId} ends when everything about them goes: {@code actor}
     * ({@code person}, or {@code saath} for retention) and {@code reason} ({@code data_deleted}, {@code retention})
     * are kept, and {@code toPartner} tells its partner.
     */
    record Ending(String escalationId, String actor, String reason, List<OutboxRow> toPartner) {
    }

    /**
     * Where an escalation stands: what a transition is decided on, and the risk and topic a partner it moves to is
     * told (a turn may have raised them since the escalation was listed).
     */
    record EscalationNow(String id, String conversationId, String state, String partnerId, Instant offeredAt,
                         int version, String risk, String topic) {
    }

    /**
     * A message kept for the person (a counsellor's words, a status note) with who wrote it ({@code counsellor:<id>},
     * {@code partner:<id>}, {@code saath}), and optionally the outbox row that sends it: to the generic channel's
     * callback, or to the person on their platform channel.
     */
    record PersonMessage(String sender, String text, String actor, Optional<OutboxRow> delivery) {
    }
}
