package org.saath.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.saath.store.ConversationTx;

/**
 * Why a person's escalation ended without its counsellor, as recorded ({@code outcome} of the escalation, or
 * {@code reason} of what is kept once their data is gone) and as their partner is told ({@code escalation.resolved}
 * with {@code by} and {@code reason}; the console shows it too).
 */
public final class Leaving {

    /** The person wrote "end chat". */
    public static final String ENDED_CHAT = "ended_chat";
    /** The person wrote "stop". */
    public static final String STOPPED = "stopped";
    /** The person no longer wants a counsellor ("cancel the counsellor", «غيرت رايي ما ابي مستشار»). */
    public static final String WITHDRAWN = "withdrawn";
    /** The person asked for their data to be deleted ("delete my data", or {@code saath forget}). */
    public static final String DATA_DELETED = "data_deleted";
    /** Nothing happened in the conversation for the retention period. */
    public static final String RETENTION = "retention";
    /** The ways a person ends an escalation in their own turn, recorded as its outcome. */
    public static final Set<String> IN_THEIR_TURN = Set.of(ENDED_CHAT, STOPPED, WITHDRAWN);

    private Leaving() {
    }

    /**
     * Inside the person's unit of work, before everything about them is deleted: how their open escalation (if any)
     * ends, and the event that tells its partner (none while it is only requested). The event is ordered by the
     * escalation id, so that the outbox keeps nothing that names the conversation.
     */
    public static Optional<ConversationTx.Ending> ending(ConversationTx tx, String actor, String reason, Instant at) {
        return tx.openEscalation().map(e -> new ConversationTx.Ending(e.id(), actor, reason,
                e.partnerId() == null ? List.of()
                        : List.of(Notifications.ended(e.partnerId(), e.id(), e.id(), actor, reason, at))));
    }
}
