package org.saath.dialogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.escalation.Escalation;
import org.saath.escalation.EscalationRequester;
import org.saath.escalation.EscalationState;
import org.saath.helpline.HelplineDirectory;
import org.saath.helpline.HelplineOffer;
import org.saath.nlu.Analyser;
import org.saath.nlu.Analysis;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.privacy.Redactor;
import org.saath.privacy.UserRefHasher;
import org.saath.rules.Decision;
import org.saath.rules.DialogueState;
import org.saath.rules.RuleEngine;
import org.saath.rules.SafetyPolicy;
import org.saath.rules.TurnFacts;
import org.saath.store.ConversationRow;
import org.saath.store.ConversationStore;
import org.saath.store.EscalationRow;
import org.saath.store.TurnRow;
import org.saath.store.TurnWrite;

/**
 * The whole turn pipeline of DESIGN.md in one method, {@link #handle}: session → analyse → decide → resources →
 * escalate → reply → record. Thread-safe; all state lives in the store.
 */
public final class TurnProcessor {

    /** The collaborators of a turn, wired once in {@code App}. */
    public record Parts(UserRefHasher hasher, ConversationStore store, Analyser analyser, RuleEngine rules,
                        SafetyPolicy safety, HelplineDirectory helplines, EscalationRequester escalations,
                        ReplyRenderer renderer, Redactor redactor, ConversationRisk conversationRisk, Clock clock,
                        Supplier<UUID> ids, String defaultCountry, int maxHelplines) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Parts p;

    public TurnProcessor(Parts parts) {
        this.p = parts;
    }

    /** Handles one inbound message; a message id seen before returns the first answer and records nothing. */
    public TurnResult handle(InboundMessage in) {
        String userRef = p.hasher().hash(in.channel(), in.userId());
        Optional<String> earlier = p.store().processedResponse(in.channel(), userRef, in.messageId());
        if (earlier.isPresent()) {
            return fromJson(earlier.get());
        }
        Instant now = p.clock().instant();
        Optional<ConversationRow> conversation = p.store().conversation(in.channel(), userRef);       // 1 session
        Analysis analysis = p.analyser().analyse(in.text());                                          // 3 analyse
        TurnFacts facts = facts(in, conversation, analysis, now);
        Decision decision = p.safety().apply(p.rules().decide(facts), facts);                         // 4 decide
        List<HelplineOffer> offers = helplines(decision, facts, now);                                 // 5 resources
        Optional<EscalationRow> open = conversation.flatMap(c -> p.store().openEscalation(c.id()));  // 6 escalate
        String conversationId = conversation.map(ConversationRow::id).orElseGet(() -> "conv-" + p.ids().get());
        Optional<Escalation> opened = p.escalations().request(decision.escalate(), open.map(TurnProcessor::toDomain),
                conversationId, facts.conversationRisk(), facts.requestsHuman(), decision.template(),
                facts.language().code(), now);
        TurnResult result = reply(decision, facts, offers, conversation.isEmpty(), opened, open);      // 7 reply
        String stored = p.store().record(write(in, userRef, conversationId, conversation, analysis, facts,  // 8 record
                decision, offers, opened, result, now));
        return fromJson(stored);
    }

    private TurnFacts facts(InboundMessage in, Optional<ConversationRow> conversation, Analysis a, Instant now) {
        RiskLevel peak = conversation.map(c -> RiskLevel.fromCode(c.peakRisk())).orElse(null);
        Instant peakAt = conversation.map(ConversationRow::peakRiskAt).orElse(null);
        RiskLevel conversationRisk = p.conversationRisk().after(a.risk(), peak, peakAt, now);
        DialogueState state = conversation.map(c -> DialogueState.fromCode(c.state())).orElse(DialogueState.NEW);
        return new TurnFacts(a.intent(), a.confidence(), a.lowConfidence(), a.risk(), conversationRisk,
                replyLanguage(a, in.text(), conversation), in.country().orElse(p.defaultCountry()), state,
                a.requestsHuman(), a.thirdPerson());
    }

    /**
     * The language to answer in: the message's, except that a short message in English or an unknown language
     * keeps the conversation's language ("ok", "thanks" should not switch a Roman Urdu chat to English).
     */
    private static Language replyLanguage(Analysis a, String text, Optional<ConversationRow> conversation) {
        boolean weak = a.language() == Language.OTHER
                || a.language() == Language.EN && text.trim().split("\\s+").length <= 3;
        if (weak && conversation.isPresent()) {
            return Language.fromCode(conversation.get().language());
        }
        return a.language() == Language.OTHER ? Language.EN : a.language();
    }

    private List<HelplineOffer> helplines(Decision decision, TurnFacts facts, Instant now) {
        List<HelplineOffer> offers = new ArrayList<>(p.helplines().match(decision.helplineTopics(), facts.country(),
                facts.language().code(), now, p.maxHelplines()));
        for (String id : decision.helplineIds()) {
            p.helplines().byId(id).filter(h -> offers.stream().noneMatch(o -> o.helpline().id().equals(id)))
                    .ifPresent(h -> offers.add(new HelplineOffer(h, h.openAt(now).orElse(null))));
        }
        return p.safety().ensureOpenCrisisLine(offers, facts.conversationRisk(), p.helplines(), facts.country(),
                facts.language().code(), now);
    }

    private TurnResult reply(Decision decision, TurnFacts facts, List<HelplineOffer> offers, boolean firstTurn,
                             Optional<Escalation> opened, Optional<EscalationRow> open) {
        Language language = facts.language();
        List<String> extra = new ArrayList<>();
        if (facts.conversationRisk().atLeast(RiskLevel.HIGH)
                && offers.stream().noneMatch(o -> Boolean.TRUE.equals(o.openNow()))) {
            extra.add(p.renderer().text("no_open_line", language));
        }
        List<TurnResult.Reply> replies = new ArrayList<>();
        replies.add(p.renderer().render(decision.template(), language, offers, extra));
        if (opened.isPresent()) {
            replies.add(new TurnResult.Reply(p.renderer().text("escalation_opened", language), List.of()));
        }
        if (firstTurn) {
            replies.add(new TurnResult.Reply(p.renderer().text("privacy_notice", language), List.of()));
        }
        TurnResult.EscalationView escalation = opened
                .map(e -> new TurnResult.EscalationView(e.id(), e.state().code()))
                .or(() -> open.map(e -> new TurnResult.EscalationView(e.id(), e.state())))
                .orElse(null);
        return new TurnResult(replies, escalation);
    }

    private TurnWrite write(InboundMessage in, String userRef, String conversationId,
                            Optional<ConversationRow> existing, Analysis a, TurnFacts facts, Decision decision,
                            List<HelplineOffer> offers, Optional<Escalation> opened, TurnResult result,
                            Instant now) {
        // the peak's time moves only when this message itself reaches the conversation's risk
        Instant peakAt = facts.risk().atLeast(facts.conversationRisk()) ? now
                : existing.map(ConversationRow::peakRiskAt).orElse(now);
        ConversationRow row = new ConversationRow(conversationId, in.channel(), userRef, facts.language().code(),
                decision.nextState().code(), facts.conversationRisk().code(), peakAt,
                existing.map(ConversationRow::turns).orElse(0) + 1, existing.map(ConversationRow::createdAt).orElse(now));
        String replyText = String.join("\n", result.replies().stream().map(TurnResult.Reply::text).toList());
        TurnRow turn = new TurnRow("turn-" + p.ids().get(), conversationId, in.messageId(), now,
                p.redactor().redact(in.text()), a.language().code(), a.intent().label(), a.confidence(),
                a.risk().code(), facts.conversationRisk().code(), String.join(";", a.signals()), decision.ruleId(),
                String.join(",", offers.stream().map(o -> o.helpline().id()).toList()), replyText, a.modelVersion());
        Optional<EscalationRow> escalation = opened.map(e -> new EscalationRow(e.id(), e.conversationId(),
                e.state().code(), e.reason(), e.risk().code(), e.topic(), e.language(), e.createdAt()));
        return new TurnWrite(row, existing.isEmpty(), in.messageId(), toJson(result), turn, escalation);
    }

    private static Escalation toDomain(EscalationRow r) {
        return new Escalation(r.id(), r.conversationId(), EscalationState.fromCode(r.state()), r.reason(),
                RiskLevel.fromCode(r.risk()), r.topic(), r.language(), r.createdAt());
    }

    private static String toJson(TurnResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TurnResult fromJson(String json) {
        try {
            return JSON.readValue(json, TurnResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
