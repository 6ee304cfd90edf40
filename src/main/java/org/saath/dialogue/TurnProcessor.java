package org.saath.dialogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.escalation.Escalation;
import org.saath.escalation.EscalationRequester;
import org.saath.escalation.EscalationDesk;
import org.saath.escalation.EscalationState;
import org.saath.escalation.Notifications;
import org.saath.escalation.Partner;
import org.saath.helpline.CountryResolver;
import org.saath.helpline.HelplineDirectory;
import org.saath.helpline.HelplineOffer;
import org.saath.nlu.Analyser;
import org.saath.nlu.Analysis;
import org.saath.nlu.Command;
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
import org.saath.store.OutboxRow;
import org.saath.store.TurnRow;
import org.saath.store.TurnWrite;

/**
 * The whole turn pipeline of DESIGN.md in one method, {@link #handle}: session → analyse → decide → resources →
 * escalate → reply → record, then the {@link TurnObserver} is told what the turn did (closed values only).
 * Thread-safe; all state lives in the store.
 */
public final class TurnProcessor {

    /** The collaborators of a turn, wired once in {@code Components}. */
    public record Parts(UserRefHasher hasher, ConversationStore store, Supplier<Analyser> analyser,
                        Supplier<RuleEngine> rules,
                        SafetyPolicy safety, HelplineDirectory helplines, EscalationRequester escalations,
                        ReplyRenderer renderer, Redactor redactor, ConversationRisk conversationRisk, Clock clock,
                        Supplier<UUID> ids, CountryResolver countries, int maxHelplines, EscalationDesk desk) {
    }

    /** The facts after the rules had their say, and the decision taken on them. */
    private record Decided(TurnFacts facts, Decision decision) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HELD_BY_HUMAN = Set.of("claimed", "active");

    private final Parts p;
    private final TurnObserver observer;
    private final SafetyPlanFlow plans = new SafetyPlanFlow();

    public TurnProcessor(Parts parts) {
        this(parts, TurnObserver.NONE);
    }

    /** As {@link #TurnProcessor(Parts)}, telling {@code observer} about every accepted turn once it is recorded. */
    public TurnProcessor(Parts parts, TurnObserver observer) {
        this.p = parts;
        this.observer = observer;
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
        Optional<EscalationRow> open = conversation.flatMap(c -> p.store().openEscalation(c.id()));  // 2 handoff?
        Analysis analysis = p.analyser().get().analyse(in.text());                                    // 3 analyse
        if (open.filter(e -> HELD_BY_HUMAN.contains(e.state())).isPresent()) {
            return observed(relay(in, userRef, conversation.get(), open.get(), analysis, now), TurnOutcome.Kind.RELAYED,
                    in, analysis, RiskLevel.max(analysis.risk(), RiskLevel.fromCode(conversation.get().peakRisk())),
                    false, Optional.empty(), now);
        }
        Decided decided = decide(facts(in, conversation, analysis, now));                             // 4 decide
        TurnFacts facts = decided.facts();
        List<HelplineOffer> offers = helplines(decided.decision(), facts, now);                      // 5 resources
        if (decided.decision().forget()) {
            return observed(forget(in.channel(), userRef, decided.decision(), facts.language(), offers),
                    TurnOutcome.Kind.FORGOTTEN, in, analysis, facts.conversationRisk(), false, Optional.empty(), now);
        }
        String conversationId = conversation.map(ConversationRow::id).orElseGet(() -> "conv-" + p.ids().get());
        SafetyPlanFlow.Outcome plan = plans.next(decided.decision(),
                conversation.map(ConversationRow::planStep).orElse(0), p.redactor().redact(in.text()));
        Optional<Escalation> requested = p.escalations().request(decided.decision().escalate(),
                open.map(TurnProcessor::toDomain), conversationId, facts.conversationRisk(), facts.requestsHuman(),
                escalationTopic(facts), facts.language().code(), now);
        Optional<Partner> partner = requested.flatMap(e -> p.desk().route(facts.country(), e.language(), e.topic()));
        Optional<Escalation> opened = requested.map(e -> partner.isPresent() ? e.offered() : e);
        TurnResult result = reply(plan, facts, offers, conversation, conversationId, opened, open);    // 7 reply
        String stored = p.store().record(write(in, userRef, conversationId, conversation, analysis,   // 8 record
                decided, plan, offers, opened, partner, result, now));
        return observed(fromJson(stored), TurnOutcome.Kind.ANSWERED, in, analysis,                    // 9 observe
                facts.conversationRisk(), conversation.isEmpty(), opened.map(e -> new TurnOutcome.Opened(
                        e.state().code(), partner.map(Partner::id), e.topic(), e.language())), now);
    }

    /** Tells the observer what the turn did, in closed values only, and passes its result on. */
    private TurnResult observed(TurnResult result, TurnOutcome.Kind kind, InboundMessage in, Analysis a,
                                RiskLevel conversationRisk, boolean newConversation,
                                Optional<TurnOutcome.Opened> opened, Instant now) {
        observer.observe(new TurnOutcome(in.channel(), p.countries().resolve(in.country(), in.phoneNumber()),
                a.language(), a.intent(), a.risk(), conversationRisk, kind, newConversation, result.replies().size(),
                opened, now));
        return result;
    }

    /** Messages waiting for a person (a counsellor's words, status notes) after sequence number {@code after}. */
    public List<org.saath.store.HandoffStore.UserMessage> messagesFor(String channel, String userId, long after,
                                                                      org.saath.store.HandoffStore handoffs) {
        return handoffs.userMessages(channel, p.hasher().hash(channel, userId), after);
    }

    private TurnFacts facts(InboundMessage in, Optional<ConversationRow> conversation, Analysis a, Instant now) {
        RiskLevel peak = conversation.map(c -> RiskLevel.fromCode(c.peakRisk())).orElse(null);
        Instant peakAt = conversation.map(ConversationRow::peakRiskAt).orElse(null);
        RiskLevel conversationRisk = p.conversationRisk().after(a.risk(), peak, peakAt, now);
        DialogueState state = conversation.map(c -> DialogueState.fromCode(c.state())).orElse(DialogueState.NEW);
        return new TurnFacts(a.intent(), a.confidence(), a.lowConfidence(), a.risk(), conversationRisk,
                replyLanguage(a, in.text(), conversation), p.countries().resolve(in.country(), in.phoneNumber()), state,
                a.requestsHuman(), a.thirdPerson(), a.command());
    }

    /** Rules, then any risk a rule says the turn has (a "yes" to a risk check), then the safety floor. */
    private Decided decide(TurnFacts facts) {
        RuleEngine rules = p.rules().get();
        TurnFacts raised = facts.withRiskAtLeast(rules.riskFloor(facts));
        return new Decided(raised, p.safety().apply(rules.decide(raised), raised));
    }

    /**
     * The language to answer in: the one the person asked for ("english please"), else the one they asked for
     * earlier, else the message's; a short message in English or an unknown language keeps the conversation's
     * language ("ok", "thanks" should not switch a Roman Urdu chat to English).
     */
    private static Language replyLanguage(Analysis a, String text, Optional<ConversationRow> conversation) {
        Optional<Language> asked = a.command().flatMap(Command::language);
        if (asked.isPresent()) {
            return asked.get();
        }
        Optional<String> preferred = conversation.map(ConversationRow::preferredLanguage);
        if (preferred.isPresent()) {
            return Language.fromCode(preferred.get());
        }
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
                    .ifPresent(h -> offers.add(HelplineOffer.at(h, now)));
        }
        return p.safety().ensureOpenCrisisLine(offers, facts.conversationRisk(), p.helplines(), facts.country(),
                facts.language().code(), now);
    }

    /**
     * Deletes everything about the person and confirms; nothing of this turn is recorded. When the safety floor
     * raised the turn (a crisis said together with "delete my data"), the crisis reply with its open line comes
     * first: the data still goes, as asked, but the person is not left without a number.
     */
    private TurnResult forget(String channel, String userRef, Decision decision, Language language,
                              List<HelplineOffer> offers) {
        p.store().forget(channel, userRef);
        List<TurnResult.Reply> replies = new ArrayList<>();
        if (!decision.template().equals("data_deleted")) {
            replies.add(p.renderer().render(decision.template(), language, offers, List.of()));
        }
        replies.add(new TurnResult.Reply(p.renderer().text("data_deleted", language), List.of()));
        return new TurnResult(replies, null);
    }

    private TurnResult reply(SafetyPlanFlow.Outcome plan, TurnFacts facts, List<HelplineOffer> offers,
                             Optional<ConversationRow> conversation, String conversationId,
                             Optional<Escalation> opened, Optional<EscalationRow> open) {
        Language language = facts.language();
        List<String> extra = new ArrayList<>();
        if (plan.showPlan()) {
            SortedMap<Integer, String> answers = new TreeMap<>(conversation.isPresent()
                    ? p.store().planAnswers(conversationId) : new TreeMap<>());
            plan.answer().ifPresent(a -> answers.put(a.step(), a.answerRedacted()));
            extra.add(p.renderer().plan(answers, language));
        }
        if (facts.conversationRisk().atLeast(RiskLevel.HIGH) && offers.stream().noneMatch(HelplineOffer::isOpen)) {
            extra.add(p.renderer().text("no_open_line", language));
        }
        List<TurnResult.Reply> replies = new ArrayList<>();
        replies.add(p.renderer().render(plan.template(), language, offers, extra));
        if (opened.isPresent()) {
            replies.add(new TurnResult.Reply(p.renderer().text("escalation_opened", language), List.of()));
            if (conversation.map(ConversationRow::consent).orElse(null) == null) {
                replies.add(new TurnResult.Reply(p.renderer().text("consent_question", language), List.of()));
            }
        }
        if (conversation.isEmpty()) {
            replies.add(new TurnResult.Reply(p.renderer().text("privacy_notice", language), List.of()));
        }
        TurnResult.EscalationView escalation = opened
                .map(e -> new TurnResult.EscalationView(e.id(), e.state().code()))
                .or(() -> open.map(e -> new TurnResult.EscalationView(e.id(), e.state())))
                .orElse(null);
        return new TurnResult(replies, escalation);
    }

    private TurnWrite write(InboundMessage in, String userRef, String conversationId,
                            Optional<ConversationRow> existing, Analysis a, Decided decided,
                            SafetyPlanFlow.Outcome plan, List<HelplineOffer> offers, Optional<Escalation> opened,
                            Optional<Partner> partner, TurnResult result, Instant now) {
        TurnFacts facts = decided.facts();
        // the peak's time moves only when this message itself reaches the conversation's risk
        Instant peakAt = facts.risk().atLeast(facts.conversationRisk()) ? now
                : existing.map(ConversationRow::peakRiskAt).orElse(now);
        String preferred = a.command().flatMap(Command::language).map(Language::code)
                .orElseGet(() -> existing.map(ConversationRow::preferredLanguage).orElse(null));
        String consent = decided.decision().consent() != null ? decided.decision().consent()
                : existing.map(ConversationRow::consent).orElse(null);
        // a newly offered escalation asks whether the counsellor may read the conversation so far
        DialogueState next = opened.isPresent() && consent == null ? DialogueState.CONSENT_ASKED : plan.nextState();
        ConversationRow row = new ConversationRow(conversationId, in.channel(), userRef, facts.language().code(),
                next.code(), facts.conversationRisk().code(), peakAt,
                existing.map(ConversationRow::turns).orElse(0) + 1, existing.map(ConversationRow::createdAt).orElse(now),
                preferred, plan.nextStep(), consent);
        String replyText = String.join("\n", result.replies().stream().map(TurnResult.Reply::text).toList());
        TurnRow turn = new TurnRow("turn-" + p.ids().get(), conversationId, in.messageId(), now,
                p.redactor().redact(in.text()), a.language().code(), a.intent().label(), a.confidence(),
                a.risk().code(), facts.conversationRisk().code(), String.join(";", a.signals()),
                decided.decision().ruleId(), String.join(",", offers.stream().map(o -> o.helpline().id()).toList()),
                replyText, a.modelVersion());
        Optional<EscalationRow> escalation = opened.map(e -> new EscalationRow(e.id(), e.conversationId(),
                e.state().code(), e.reason(), e.risk().code(), e.topic(), e.language(), e.createdAt(),
                partner.map(Partner::id).orElse(null), facts.country()));
        List<OutboxRow> outbox = escalation.filter(e -> e.partnerId() != null).map(e -> List.of(Notifications
                .offered(e.partnerId(), e.id(), conversationId, e.risk(), e.topic(), e.language(), now)))
                .orElse(List.of());
        return new TurnWrite(row, existing.isEmpty(), in.messageId(), toJson(result), turn, escalation,
                plan.answer(), outbox);
    }

    /**
     * While a counsellor holds the conversation the bot stays silent: the message is relayed to them (redacted),
     * its risk is still scored and stored for them to see, and "end chat" hands the conversation back.
     */
    private TurnResult relay(InboundMessage in, String userRef, ConversationRow conversation, EscalationRow held,
                             Analysis a, Instant now) {
        if (a.command().filter(Command.END_CHAT::equals).isPresent()) {
            p.desk().endByPerson(held.id());
            return new TurnResult(List.of(), new TurnResult.EscalationView(held.id(), "resolved"));
        }
        RiskLevel risk = RiskLevel.max(a.risk(), RiskLevel.fromCode(conversation.peakRisk()));
        String redacted = p.redactor().redact(in.text());
        TurnResult result = new TurnResult(List.of(), new TurnResult.EscalationView(held.id(), held.state()));
        ConversationRow row = new ConversationRow(conversation.id(), conversation.channel(), userRef,
                conversation.language(), conversation.state(), risk.code(),
                a.risk().atLeast(risk) ? now : conversation.peakRiskAt(), conversation.turns() + 1,
                conversation.createdAt(), conversation.preferredLanguage(), conversation.planStep(),
                conversation.consent());
        TurnRow turn = new TurnRow("turn-" + p.ids().get(), conversation.id(), in.messageId(), now, redacted,
                a.language().code(), a.intent().label(), a.confidence(), a.risk().code(), risk.code(),
                String.join(";", a.signals()), "relayed-to-counsellor", "", "", a.modelVersion());
        List<OutboxRow> outbox = held.partnerId() == null ? List.of() : List.of(Notifications.userMessage(
                held.partnerId(), held.id(), conversation.id(), in.messageId(), redacted, a.risk().code(), now));
        return fromJson(p.store().record(new TurnWrite(row, false, in.messageId(), toJson(result), turn,
                Optional.empty(), Optional.empty(), outbox)));
    }

    /** What a partner is routed on: a crisis, a request for a person, or the person's need. */
    private static String escalationTopic(TurnFacts facts) {
        if (facts.conversationRisk().atLeast(RiskLevel.HIGH)) {
            return "crisis";
        }
        return facts.requestsHuman() ? "seek_help" : facts.intent().label();
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
