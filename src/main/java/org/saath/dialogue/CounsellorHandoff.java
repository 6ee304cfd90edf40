package org.saath.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.saath.escalation.Escalation;
import org.saath.escalation.EscalationDesk;
import org.saath.escalation.EscalationRequester;
import org.saath.escalation.EscalationState;
import org.saath.escalation.Leaving;
import org.saath.escalation.Partner;
import org.saath.nlu.Command;
import org.saath.nlu.RiskLevel;
import org.saath.rules.DialogueState;
import org.saath.rules.TurnFacts;
import org.saath.store.ConversationTx;
import org.saath.store.EscalationRow;
import org.saath.store.TurnWrite;

/**
 * Step 6 of a turn: whether it opens an escalation (one per conversation), whether a partner that fits is open with
 * room to take it, and whether to ask the person's consent to share the conversation. Consent is asked only when a
 * counsellor can actually read the answer, and not in a reply that already asks "are you safe right now?" (then on
 * the turn after the answer).
 */
final class CounsellorHandoff {

    /**
     * What the turn does about a human: the new escalation, its partner, whether a counsellor can take it, whether
     * to ask for consent, whether the person ended the open escalation ("stop"), and whether a new escalation was
     * refused (the sender's escalation limit), so that the reply says no counsellor is available rather than
     * promising one; the open escalation's risk when the conversation's rose above it; whether a request
     * that no partner could take before was offered to one now ({@code offeredNow}); and the country a new escalation
     * is for (its partner's, else the first the person's counsellor may be in), or null when none is opened.
     */
    record Outcome(Optional<Escalation> opened, Optional<Partner> partner, boolean counsellor, boolean askConsent,
                   boolean ended, boolean refused, Optional<TurnWrite.RaisedEscalation> risen, boolean offeredNow,
                   String country) {
    }

    private final EscalationRequester requester;
    private final EscalationDesk desk;

    CounsellorHandoff(EscalationRequester requester, EscalationDesk desk) {
        this.requester = requester;
        this.desk = desk;
    }

    /**
     * Inside the turn's unit of work {@code tx}: the message's {@code admission} (its sender and, on the web chat, its
     * address) counts against the escalation limits, and a partner's place is taken in the turn's transaction.
     * {@code countries} are where a counsellor for this person may be, in order: the writer's own country first,
     * then, for a message about someone elsewhere, theirs.
     */
    Outcome decide(ConversationTx tx, TurnFacts facts, List<String> countries,
                   EscalationRequester.Admission admission, boolean escalate, String priority,
                   Optional<EscalationRow> open, boolean consentUnasked, String conversationId,
                   DialogueState nextState, boolean withdraw, Instant now) {
        if ((nextState == DialogueState.STOPPED || withdraw) && open.isPresent()) {
            // "stop" or "end chat" ends a request, an offer or a counsellor's chat alike, and so does "cancel the
            // counsellor"; the partner is told the person left, and how
            desk.endByPerson(tx, open.get().id(), withdraw ? Leaving.WITHDRAWN
                    : facts.command().filter(Command.END_CHAT::equals).isPresent() ? Leaving.ENDED_CHAT
                    : Leaving.STOPPED);
            return new Outcome(Optional.empty(), Optional.empty(), false, false, true, false, Optional.empty(), false,
                    null);
        }
        Optional<Escalation> requested = requester.request(admission, escalate,
                open.map(CounsellorHandoff::toDomain), conversationId, facts.conversationRisk(), facts.requestsHuman(),
                topic(facts), facts.language().code(), priority, now);
        Optional<EscalationDesk.Routed> routed = requested.flatMap(e -> desk.route(tx, countries, e.language(),
                e.topic()));
        Optional<Partner> partner = routed.map(EscalationDesk.Routed::partner);
        Optional<Escalation> opened = requested.map(e -> partner.isPresent() ? e.offered() : e);
        Optional<TurnWrite.RaisedEscalation> risen = risen(open, facts.conversationRisk(),
                escalate ? priority : EscalationRow.NORMAL);
        // a request no partner could take when it was made (all full or closed) is offered again when the person
        // asks again: one open escalation per conversation would otherwise keep them from a counsellor for good
        boolean offeredNow = escalate && open.filter(e -> e.partnerId() == null).isPresent() && desk.offerWaiting(tx,
                open.get().id(), countries, open.get().language(),
                risen.map(TurnWrite.RaisedEscalation::risk).orElse(open.get().risk()),
                risen.map(TurnWrite.RaisedEscalation::topic).orElse(open.get().topic()), now).isPresent();
        boolean counsellor = partner.isPresent() || offeredNow || open.map(EscalationRow::partnerId).isPresent();
        // consent is asked after the person answered "are you safe?" or "are you thinking of ending your life?", never
        // in the reply that asks either: a "yes" must answer one question only
        boolean answeredCheck = CHECKS.contains(facts.state()) && open.isPresent();
        boolean askConsent = counsellor && consentUnasked && (opened.isPresent() || offeredNow || answeredCheck)
                && !CHECKS.contains(nextState);
        boolean refused = escalate && open.isEmpty() && requested.isEmpty();
        String country = opened.isEmpty() ? null : routed.map(EscalationDesk.Routed::country).orElse(countries.get(0));
        return new Outcome(opened, partner, counsellor, askConsent, false, refused, risen, offeredNow, country);
    }

    /** The questions whose yes or no must not be taken for consent. */
    private static final java.util.Set<DialogueState> CHECKS = java.util.EnumSet.of(DialogueState.SAFETY_CHECK,
            DialogueState.CRISIS_CHECK);

    /**
     * The open escalation's risk raised to {@code now}, and its priority to {@code urgent} when this turn asks for
     * that, when either was lower; neither is ever lowered. Raised to {@code high} or above, its topic becomes
     * {@code crisis}, as an escalation opened at that risk has ({@link #topic}): a re-offer goes to a partner that
     * takes crises.
     */
    static Optional<TurnWrite.RaisedEscalation> risen(Optional<EscalationRow> open, RiskLevel now, String priority) {
        return open.filter(e -> now.compareTo(RiskLevel.fromCode(e.risk())) > 0
                        || EscalationRow.URGENT.equals(priority) && !EscalationRow.URGENT.equals(e.priority()))
                .map(e -> {
                    RiskLevel risk = RiskLevel.max(now, RiskLevel.fromCode(e.risk()));
                    return new TurnWrite.RaisedEscalation(e.id(), risk.code(),
                            EscalationRow.URGENT.equals(priority) ? EscalationRow.URGENT : e.priority(),
                            risk.atLeast(RiskLevel.HIGH) ? "crisis" : e.topic());
                });
    }

    /** What a partner is routed on: a crisis, a request for a person, the conversation's topic, or the need. */
    static String topic(TurnFacts facts) {
        if (facts.conversationRisk().atLeast(RiskLevel.HIGH)) {
            return "crisis";
        }
        if (facts.requestsHuman()) {
            return "seek_help";
        }
        return facts.topic().isEmpty() ? facts.intent().label() : facts.topic();
    }

    private static Escalation toDomain(EscalationRow r) {
        return new Escalation(r.id(), r.conversationId(), EscalationState.fromCode(r.state()), r.reason(),
                RiskLevel.fromCode(r.risk()), r.topic(), r.language(), r.createdAt(), r.priority());
    }
}
