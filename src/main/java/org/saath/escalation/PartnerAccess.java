package org.saath.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.saath.store.HandoffStore;

/**
 * What a partner may read about an escalation, and until when. Access lasts while the escalation is offered to the
 * partner or held by it: once it is resolved, passed to another partner, declined or expired, or the person has
 * left, every call about it answers {@link AccessEndedException} (403), so nothing the person writes afterwards is
 * ever visible to that partner; a partner that never had it gets {@link UnknownEscalationException} (404), exactly
 * as for one that does not exist. The conversation before the handoff needs the person's consent; a partner an
 * escalation was transferred to reads under the same rule.
 */
public final class PartnerAccess {

    private static final Set<String> HELD = Set.of("claimed", "active");
    /** States in which the escalation's partner may read and act on it. */
    private static final Set<String> OPEN_TO_PARTNER = Set.of("offered", "claimed", "active");
    /** How long the console keeps saying that a person left. */
    private static final Duration LEFT_SHOWN = Duration.ofDays(1);

    /** Something said since the handoff: by the person (with its risk) or to them (with who wrote it). */
    public record Said(String from, String text, String risk, String signals, Instant at, String actor) {
    }

    private final HandoffStore store;
    private final Clock clock;

    PartnerAccess(HandoffStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The conversation before the handoff, for the partner the escalation is offered to or held by, only if the
     * person agreed; otherwise {@link ConsentRequiredException}.
     */
    public List<HandoffStore.RelayedTurn> transcript(Partner partner, String escalationId) {
        return transcript(own(partner, escalationId));
    }

    /** As {@link #transcript(Partner, String)}, for an escalation already known to be the partner's. */
    public List<HandoffStore.RelayedTurn> transcript(HandoffStore.Escalation e) {
        if (!e.shared()) {
            throw new ConsentRequiredException(e.id());
        }
        return store.transcript(e.conversationId());
    }

    /**
     * What was said since the handoff, for the partner that holds the escalation (claimed or active); see
     * {@link #conversation}.
     */
    public List<Said> messages(Partner partner, String escalationId) {
        HandoffStore.Escalation e = own(partner, escalationId);
        if (!HELD.contains(e.state())) {
            throw new EscalationStateException("escalation " + e.id() + " is " + e.state() + "; claim it first");
        }
        return conversation(e);
    }

    /**
     * What was said in this escalation that its partner may read, oldest first: from when it was offered to this
     * partner, or, with the person's consent, from when it was opened (what they told an earlier partner's
     * counsellor before a transfer); never what was said in an earlier escalation of the conversation.
     */
    public List<Said> conversation(HandoffStore.Escalation e) {
        Instant since = e.shared() || e.offeredAt() == null ? e.createdAt() : e.offeredAt();
        List<Said> said = new ArrayList<>();
        for (HandoffStore.RelayedTurn t : store.relayedTurns(e.conversationId(), since)) {
            said.add(new Said("person", t.text(), t.risk(), t.signals(), t.at(), null));
        }
        for (HandoffStore.UserMessage m : store.userMessages(e.channel(), e.userRef(), 0)) {
            if (!m.createdAt().isBefore(since)) {
                said.add(new Said(m.sender(), m.text(), null, null, m.createdAt(), m.actor()));
            }
        }
        said.sort(Comparator.comparing(Said::at));
        return said;
    }

    /** This partner's escalations that the person left (or whose data went) in the last day, newest first. */
    public List<HandoffStore.Left> leftRecently(Partner partner) {
        return store.leftSince(partner.id(), clock.instant().minus(LEFT_SHOWN), Leaving.IN_THEIR_TURN);
    }

    /** The escalation, when it is offered to {@code partner} or held by it now; see the class comment. */
    HandoffStore.Escalation own(Partner partner, String escalationId) {
        Optional<HandoffStore.Escalation> found = store.escalation(escalationId);
        if (found.isEmpty()) {
            String why = store.endingFor(partner.id(), escalationId).map(PartnerAccess::left)
                    .orElseThrow(() -> new UnknownEscalationException(escalationId));
            throw new AccessEndedException(escalationId, why);
        }
        HandoffStore.Escalation e = found.get();
        boolean ours = partner.id().equals(e.partnerId());
        if (ours && OPEN_TO_PARTNER.contains(e.state())) {
            return e;
        }
        if (ours) {
            boolean personLeft = e.outcome() != null && Leaving.IN_THEIR_TURN.contains(e.outcome());
            throw new AccessEndedException(escalationId, personLeft ? left(e.outcome()) : "it is " + e.state());
        }
        if (store.partnersOf(escalationId).contains(partner.id())) {
            throw new AccessEndedException(escalationId, "it was passed to another partner");
        }
        throw new UnknownEscalationException(escalationId);
    }

    private static String left(String reason) {
        return switch (reason) {
            case Leaving.DATA_DELETED -> "the person left and asked for their data to be deleted";
            case Leaving.RETENTION -> "it was removed after the retention period";
            default -> "the person left";
        };
    }
}
