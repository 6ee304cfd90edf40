package org.saath.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.escalation.Escalation;
import org.saath.escalation.EscalationDesk;
import org.saath.escalation.Notifications;
import org.saath.escalation.Partner;
import org.saath.helpline.HelplineOffer;
import org.saath.helpline.SaidCountry;
import org.saath.nlu.Analysis;
import org.saath.nlu.Command;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.rules.DialogueState;
import org.saath.rules.TurnFacts;
import org.saath.store.ConversationKey;
import org.saath.store.ConversationRow;
import org.saath.store.ConversationTx;
import org.saath.store.EscalationRow;
import org.saath.store.OutboxRow;
import org.saath.store.TurnRow;
import org.saath.store.TurnWrite;

/**
 * Step 8 of the turn, and step 2's relay: what a turn writes in its unit of work — the conversation's row, the turn
 * (redacted), the dedupe record, an opened escalation and the outbox rows for the person and the partner.
 */
final class TurnRecords {

    private final Supplier<UUID> ids;
    private final PersonOutbox people;
    private final EscalationDesk desk;

    TurnRecords(Supplier<UUID> ids, PersonOutbox people, EscalationDesk desk) {
        this.ids = ids;
        this.people = people;
        this.desk = desk;
    }

    /** What an answered turn writes. */
    TurnWrite answered(InboundMessage in, String redacted, ConversationKey key, String conversationId,
                       Optional<ConversationRow> existing, Analysis a, TurnProcessor.Decided decided,
                       boolean topicNamed, SafetyPlanFlow.Outcome plan, List<HelplineOffer> offers,
                       CounsellorHandoff.Outcome handoff, TurnProcessor.Replied replied, ReplyComposer.Person person,
                       Optional<SaidCountry> said, Instant now) {
        TurnResult result = replied.result();
        Optional<Escalation> opened = handoff.opened();
        Optional<Partner> partner = handoff.partner();
        TurnFacts facts = decided.facts();
        // the peak's time moves only when this message itself reaches the conversation's risk
        Instant peakAt = facts.risk().atLeast(facts.conversationRisk()) ? now
                : existing.map(ConversationRow::peakRiskAt).orElse(now);
        String preferred = a.asksForLanguage().map(Language::code)
                .orElseGet(() -> existing.map(ConversationRow::preferredLanguage).orElse(null));
        String consent = decided.decision().consent() != null ? decided.decision().consent()
                : existing.map(ConversationRow::consent).orElse(null);
        // asking whether the counsellor may read the conversation so far waits for the answer
        DialogueState next = handoff.askConsent() ? DialogueState.CONSENT_ASKED : plan.nextState();
        // the topic's time moves only when this message names it itself
        String topic = facts.topic().isEmpty() ? null : facts.topic();
        Instant topicAt = topic == null ? null : topicNamed ? now : existing.map(ConversationRow::topicAt).orElse(now);
        ConversationRow row = new ConversationRow(conversationId, key.channel(), key.userRef(),
                facts.language().code(), next.code(), ConversationRisk.kept(facts.conversationRisk(), a).code(), peakAt,
                existing.map(ConversationRow::turns).orElse(0) + 1,
                existing.map(ConversationRow::createdAt).orElse(now), preferred, plan.nextStep(), consent, topic,
                topicAt, replied.replyId(), person.gender().code(), person.otherGender().code(),
                said.map(SaidCountry::code).orElse(null));
        String replyText = String.join("\n", result.replies().stream().map(TurnResult.Reply::text).toList());
        TurnRow turn = new TurnRow("turn-" + ids.get(), conversationId, in.messageId(), now,
                redacted, a.language().code(), a.intent().label(), a.confidence(),
                a.risk().code(), facts.conversationRisk().code(), String.join(";", a.signals()),
                decided.decision().ruleId(), String.join(",", offers.stream().map(o -> o.helpline().id()).toList()),
                replyText, a.modelVersion());
        Optional<EscalationRow> escalation = opened.map(e -> new EscalationRow(e.id(), e.conversationId(),
                e.state().code(), e.reason(), e.risk().code(), e.topic(), e.language(), e.createdAt(),
                partner.map(Partner::id).orElse(null), handoff.country(), e.priority()));
        List<OutboxRow> outbox = new ArrayList<>(people.rows(in, key.userRef(), conversationId, result,
                facts.language(), replied.replyId(), now));
        // a new escalation is stored offered at version 1 (EscalationSql.insert)
        escalation.filter(e -> e.partnerId() != null).ifPresent(e -> outbox.add(Notifications.offered(e.partnerId(),
                e.id(), conversationId, e.risk(), e.topic(), e.language(), 1, now)));
        return new TurnWrite(row, existing.isEmpty(), in.messageId(), TurnJson.write(result), turn, escalation,
                plan.answer(), outbox, handoff.risen());
    }

    /**
     * While a counsellor holds the conversation the bot stays silent: the message is relayed to them (redacted),
     * its risk is still scored and stored for them to see, and "end chat" hands the conversation back, unless the
     * message that says it is itself read at high risk or above ("I'll end this chat and end my life"): that one
     * reaches the counsellor like any other, who is the person's way to help right now.
     */
    TurnResult relayed(ConversationTx tx, InboundMessage in, ConversationRow conversation, EscalationRow held,
                       Analysis a, String redacted, Instant now) {
        if (a.command().filter(Command.END_CHAT::equals).isPresent() && !a.risk().atLeast(RiskLevel.HIGH)) {
            return chatEnded(tx, in, conversation, held, now);
        }
        RiskLevel risk = RiskLevel.max(a.risk(), RiskLevel.fromCode(conversation.peakRisk()));
        TurnResult result = new TurnResult(List.of(), new TurnResult.EscalationView(held.id(), held.state()));
        ConversationRow row = new ConversationRow(conversation.id(), conversation.channel(), conversation.userRef(),
                conversation.language(), conversation.state(), risk.code(),
                a.risk().atLeast(risk) ? now : conversation.peakRiskAt(), conversation.turns() + 1,
                conversation.createdAt(), conversation.preferredLanguage(), conversation.planStep(),
                conversation.consent()).keeping(conversation);
        TurnRow turn = new TurnRow("turn-" + ids.get(), conversation.id(), in.messageId(), now, redacted,
                a.language().code(), a.intent().label(), a.confidence(), a.risk().code(), risk.code(),
                String.join(";", a.signals()), "relayed-to-counsellor", "", "", a.modelVersion());
        List<OutboxRow> outbox = held.partnerId() == null ? List.of() : List.of(Notifications.userMessage(
                held.partnerId(), held.id(), conversation.id(), in.messageId(), redacted, a.risk().code(), now));
        tx.record(new TurnWrite(row, false, in.messageId(), TurnJson.write(result), turn, Optional.empty(),
                Optional.empty(), outbox, CounsellorHandoff.risen(Optional.of(held), risk, relayedPriority(a))));
        return result;
    }

    /**
     * "end chat" while a counsellor holds the conversation: the bot takes it back and answers with the hand-back
     * note as this turn's reply (in the generic channel's response, through the outbox on a platform channel, as
     * every reply), with an open crisis line when the conversation's risk is high or above.
     */
    private TurnResult chatEnded(ConversationTx tx, InboundMessage in, ConversationRow conversation,
                                 EscalationRow held, Instant now) {
        List<TurnResult.Reply> replies = desk.endChat(tx, held.id())
                .map(note -> List.of(new TurnResult.Reply(note, List.of()))).orElse(List.of());
        TurnResult ended = new TurnResult(replies, new TurnResult.EscalationView(held.id(), "resolved"));
        Language language = Language.supported(held.language()).orElse(Language.EN);
        tx.recordProcessed(conversation.id(), in.messageId(), TurnJson.write(ended), now, people.rows(in,
                conversation.userRef(), conversation.id(), ended, language, EscalationDesk.note("chat_ended"), now));
        return ended;
    }

    /**
     * A crisis told to the counsellor who holds the chat moves the escalation up the partner's queue, as the crisis
     * rules open one ({@code escalate-priority: urgent} at {@code high} and above).
     */
    private static String relayedPriority(Analysis a) {
        return a.risk().atLeast(RiskLevel.HIGH) ? EscalationRow.URGENT : EscalationRow.NORMAL;
    }
}
