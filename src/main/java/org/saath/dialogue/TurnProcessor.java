package org.saath.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.escalation.EscalationRequester;
import org.saath.escalation.EscalationDesk;
import org.saath.escalation.Leaving;
import org.saath.escalation.Partner;
import org.saath.helpline.CountryResolver;
import org.saath.helpline.SaidCountry;
import org.saath.helpline.HelplineOffer;
import org.saath.helpline.Need;
import org.saath.helpline.Referral;
import org.saath.helpline.Referrals;
import org.saath.nlu.Analyser;
import org.saath.nlu.Analysis;
import org.saath.nlu.Command;
import org.saath.nlu.DistressAssessment;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;
import org.saath.nlu.Utterance;
import org.saath.privacy.Redactor;
import org.saath.privacy.UserRefHasher;
import org.saath.rules.Decision;
import org.saath.rules.DialogueState;
import org.saath.rules.RuleEngine;
import org.saath.rules.SafetyPolicy;
import org.saath.rules.TurnFacts;
import org.saath.store.ConversationKey;
import org.saath.store.ConversationRow;
import org.saath.store.ConversationTx;
import org.saath.store.Conversations;
import org.saath.store.EscalationRow;
import org.saath.store.HandoffStore;
import org.saath.store.TurnWrite;

/**
 * The whole turn pipeline of DESIGN.md in one method, {@link #handle}: session → analyse → decide → resources →
 * escalate → reply → record; once the turn's unit of work has committed, the {@link TurnObserver} is told what it
 * did (closed values only). Thread-safe; all state lives in the store.
 */
public final class TurnProcessor {

    /** The collaborators of a turn, wired once in {@code Components}. */
    public record Parts(UserRefHasher hasher, Conversations conversations, Supplier<Analyser> analyser,
                        Supplier<RuleEngine> rules, SafetyPolicy safety, Referrals referrals,
                        EscalationRequester escalations, ReplyRenderer renderer, ReplyComposer composer, Cues cues,
                        Redactor redactor, ConversationRisk conversationRisk, TopicMemory topics, Clock clock,
                        Supplier<UUID> ids, CountryResolver countries, EscalationDesk desk) {
    }

    /** What is read from the message alone, before the unit of work; its risk is read inside, with the context. */
    private record Read(Analyser analyser, Analyser.Reading reading, Cues.Found cues, String redacted) {
    }

    /** The facts after the rules had their say, and the decision taken on them. */
    record Decided(TurnFacts facts, Decision decision) {
    }

    /** The numbers this turn may show: the referral, and the lines for the need after the safety floor. */
    private record Resources(Referral referral, List<HelplineOffer> offers) {
    }

    /** The answer to send, and the id of its first message's text, kept so it is not sent twice in a row. */
    record Replied(TurnResult result, String replyId) {
    }

    /**
     * The answer, as stored with the message id ({@code json}: what a repeat is answered with), and what the turn did
     * for the observer (nothing for a repeated delivery: it is not a turn).
     */
    private record Handled(TurnResult result, String json, Optional<TurnOutcome> outcome, boolean repeat) {

        Handled(TurnResult result, String json, Optional<TurnOutcome> outcome) {
            this(result, json, outcome, false);
        }
    }

    /**
     * The answer to a message, as stored with its id ({@code json}, sent as it is: a repeat gets the same bytes), and
     * whether it was a repeat of one answered before (answered from the store).
     */
    record Answer(TurnResult result, String json, boolean repeat) {

        static Answer repeated(String json) {
            return new Answer(TurnJson.read(json), json, true);
        }
    }

    private static final Set<String> HELD_BY_HUMAN = Set.of("claimed", "active");
    private static final Set<String> CRISIS_TOPICS = Set.of("crisis", "suicide");
    /** The topics of someone else's violence, where the police come first ({@link #medical}). */
    private static final Set<String> VIOLENCE = Set.of("abuse_violence", "gbv");
    /** What the lexicon may hear in a message of a helper far away ({@link #helperFromAfar}): no wish, act or plan. */
    private static final Set<DistressCategory> FROM_AFAR_TOLD = EnumSet.of(DistressCategory.MEANS,
            DistressCategory.PLACE, DistressCategory.TIMEFRAME, DistressCategory.GOODBYE);

    private final Parts p;
    private final SafetyPlanFlow plans = new SafetyPlanFlow();
    private final CounsellorHandoff handoffs;
    private final PersonOutbox people;
    private final TurnObserver observer;
    private final TurnRecords records;

    public TurnProcessor(Parts parts) {
        this(parts, TurnObserver.NONE);
    }

    /** As {@link #TurnProcessor(Parts)}, telling {@code observer} about every accepted turn once it is committed. */
    public TurnProcessor(Parts parts, TurnObserver observer) {
        this.p = parts;
        this.handoffs = new CounsellorHandoff(parts.escalations(), parts.desk());
        this.people = new PersonOutbox(parts.renderer());
        this.observer = observer;
        this.records = new TurnRecords(parts.ids(), people, parts.desk());
    }

    /**
     * Handles one inbound message; a message id seen before returns the first answer and records nothing. The
     * message's own analysis (pure, and the most expensive step) runs first; its risk, read with the person's
     * previous messages, and the rest run in the conversation's unit of work, so messages of one person that arrive
     * together are handled one after the other, each seeing what the one before wrote.
     * On a platform channel (the message carries an address to reply to) the replies also leave through the outbox,
     * queued in the same unit of work.
     * The observer hears of the turn once, after its unit of work committed.
     */
    public TurnResult handle(InboundMessage in) {
        return answer(in, p.hasher().hash(in.channel(), in.userId())).result();
    }

    /**
     * As {@link #handle}, for a sender whose keyed hash ({@code userRef}) the caller has made already, saying whether
     * the message was a repeat (a repeat is not counted against its sender).
     */
    Answer answer(InboundMessage in, String userRef) {
        ConversationKey key = new ConversationKey(in.channel(), userRef);
        Analyser analyser = p.analyser().get();
        Analyser.Reading reading = analyser.read(in.text());                                        // 3 analyse
        Read read = new Read(analyser, reading, p.cues().find(reading.text()), p.redactor().redact(in.text()));
        // asked once per message, outside the unit of work, which may run again
        EscalationRequester.Admission admission = p.escalations().admission(key.userRef(), in.origin());
        Handled handled = p.conversations().withConversation(key, tx -> turn(tx, in, read, admission));
        handled.outcome().ifPresent(observer::observe);                                              // 9 observe
        return new Answer(handled.result(), handled.json(), handled.repeat());
    }

    /** Steps 1–8 of DESIGN.md's turn, inside one transaction: dedupe, load, decide, write. */
    private Handled turn(ConversationTx tx, InboundMessage received, Read read,
                         EscalationRequester.Admission admission) {
        String forgetKey = p.hasher().messageKey(received.channel(), tx.key().userRef(), received.messageId());
        Optional<String> earlier = tx.processedResponse(received.messageId(), forgetKey,            // dedupe
                p.hasher().textKey(received.channel(), tx.key().userRef(), received.text()));
        if (earlier.isPresent()) {
            return new Handled(TurnJson.read(earlier.get()), earlier.get(), Optional.empty(), true);
        }
        // a platform's message id can hold the person's number (a WhatsApp wamid is their number in base64): only
        // its keyed hash is stored, as the turn's message id and in the dedupe record
        InboundMessage in = received.storedAs(forgetKey);
        Instant now = p.clock().instant();
        in.replyTo().ifPresent(r -> tx.keepAddress(r.address(), r.wroteAt(), now));     // where replies go
        Optional<ConversationRow> stored = tx.conversation();                                       // 1 session
        Optional<EscalationRow> open = tx.openEscalation();                                         // 2 handoff?
        Optional<String> askedLast = stored.map(c -> PersonOutbox.questionTag(c.lastReply()));
        // consent is for the escalation it was asked for: once that has ended, the next one asks again
        Optional<ConversationRow> conversation = open.isPresent() ? stored
                : stored.map(ConversationRow::withoutConsent);
        Analyser.Context before = read.analyser().context(tx.recentUserTexts(Analyser.CONTEXT_TURNS));
        Analysis analysed = read.analyser().analyse(read.reading(), before);                        // 3 risk, with the
                                                                                                    //   previous turns
        Analysis analysis = theirWayToIt(analysed, stored, now) ? analysed.theWritersOwn()
                : worryForSomeoneElse(read.cues(), analysed) ? analysed.heldForAHelper("a-helpers-worry:postpartum")
                : analysed;
        // where the person said they are, this message or an earlier one, before the channel's country; where
        // someone else is, this message or a recent one, for a message about their danger ("im in dubai, my friend
        // in karachi just cut herself": Karachi's lines)
        Optional<SaidCountry> saidBefore = stored.flatMap(c -> SaidCountry.fromCode(c.saidCountry()));
        boolean helpsSomeoneElse = abuseOfSomeoneElse(read.cues(), analysis)
                || helperFromAfar(read.cues(), analysis, read.reading().message().lexicon());
        boolean stillHelping = stillAboutSomeoneElse(analysis, read.reading().message().lexicon(), stored)
                && !ownAbuseTold(read.cues());
        boolean aboutSomeoneElse = analysis.thirdPerson() || in.forwarded() || helpsSomeoneElse || stillHelping;
        // a helper's follow-up keeps the other person's place even when it tells the helper's own ("انا بعمان شو
        // بقدر اعمل" after a friend in Riyadh had got Jordan's 911: the s51 QA pass)
        Optional<SaidCountry> theirs = !aboutSomeoneElse ? Optional.empty() : read.cues().there()
                .or(() -> read.cues().said().isPresent() && !stillHelping ? Optional.empty()
                        : p.cues().someoneElseBefore(before.messages().stream().map(Utterance::text).toList()));
        Optional<SaidCountry> forLines = SaidCountry.forMessage(saidBefore, theirs.or(() -> read.cues()
                .askedElsewhere()).or(() -> read.cues().said()), aboutSomeoneElse);
        Optional<SaidCountry> own = SaidCountry.after(saidBefore, read.cues().said());
        Language writes = PersonReading.replyLanguage(analysis, in.text(), conversation);   // the reply's too
        String country = p.countries().resolve(in.country(), forLines, in.phoneNumber(), writes);
        // the writer's own country, where that is not the lines': they are told the numbers are for over there, and a
        // counsellor is looked for where they are first, then where the other person is (read again only when other
        // words chose the lines: most turns parse the phone number once)
        String ownCountry = forLines.equals(own) ? country
                : p.countries().resolve(in.country(), own, in.phoneNumber(), writes);
        boolean linesElsewhere = !country.equals(ownCountry);
        boolean countryGuessed = p.countries().byDefault(in.country(), forLines, in.phoneNumber(), writes);
        List<String> counsellorCountries = linesElsewhere ? List.of(ownCountry, country) : List.of(country);
        if (in.answering().isPresent() && !askedLast.equals(in.answering()) && !notSafe(stored, analysis)) {
            return passed(tx, in, stored, now);     // a tap on an old question's button answers nothing now
        }
        if (in.edited() && !analysis.risk().atLeast(RiskLevel.MODERATE)) {
            return passed(tx, in, stored, now);     // an edit is heard for danger only, never as an answer
        }
        if (open.filter(e -> HELD_BY_HUMAN.contains(e.state())).isPresent() && !leaves(analysis)) {
            TurnResult relayed = records.relayed(tx, in, conversation.get(), open.get(), analysis, read.redacted(),
                    now);
            return outcome(relayed, TurnJson.write(relayed), TurnOutcome.Kind.RELAYED, in, analysis, country,
                    RiskLevel.max(analysis.risk(), RiskLevel.fromCode(conversation.get().peakRisk())), false,
                    Optional.empty(), now);
        }
        Optional<String> remembered = p.topics().remembered(conversation.map(ConversationRow::topic).orElse(null),
                conversation.map(ConversationRow::topicAt).orElse(null), now);
        Optional<String> named = p.topics().of(analysis, read.cues(), remembered);
        Decided decided = decide(facts(in, conversation, analysis, named, remembered, writes, country,  // 4 decide
                counsellorCountries, placeSaid(read.cues()), helpsSomeoneElse || stillHelping, now));
        TurnFacts facts = decided.facts();
        // lines asked for a place are the person's place from now on, unless asked in a message about someone else
        Optional<SaidCountry> said = SaidCountry.after(saidBefore, read.cues().said()
                .map(s -> facts.thirdPerson() ? s.askedForSomeone() : s));
        Cues.Found who = read.cues().withWhoFrom(before.messages().stream().map(m -> p.cues().findWho(m.text()))
                .toList());
        boolean medical = medical(analysis, facts);
        Resources resources = resources(decided.decision(), facts, who, medical, now);                 // 5 resources
        ReplyComposer.Person person = PersonReading.of(analysis, conversation, remembered, p.conversationRisk(),
                facts.country(), linesElsewhere, countryGuessed, who.firstAid(), now);
        String conversationId = conversation.map(ConversationRow::id).orElseGet(() -> "conv-" + p.ids().get());
        if (decided.decision().forget()) {
            TurnResult forgotten = forget(tx, in, forgetKey, conversationId, decided, resources, person, now);
            return outcome(forgotten, TurnJson.write(forgotten), TurnOutcome.Kind.FORGOTTEN, in, analysis,
                    facts.country(), facts.conversationRisk(), false, Optional.empty(), now);
        }
        SafetyPlanFlow.Outcome plan = plans.next(decided.decision(),
                conversation.map(ConversationRow::planStep).orElse(0), read.redacted());
        CounsellorHandoff.Outcome handoff = handoffs.decide(tx, facts, counsellorCountries, admission,           // 6
                decided.decision().escalate(), decided.decision().priority(), open,
                conversation.map(ConversationRow::consent).orElse(null) == null, conversationId, plan.nextState(),
                decided.decision().withdraw(), now);
        Replied replied = reply(tx, plan, decided, resources, conversation, open, handoff, person,  // 7 reply
                asksForSomeone(read, analysis));
        TurnWrite written = records.answered(in, read.redacted(), tx.key(), conversationId, conversation, analysis,
                decided, named.isPresent(), plan, resources.offers(), handoff, replied, person, said, now);
        tx.record(written);                                                                         // 8 record
        return outcome(replied.result(), written.responseJson(), TurnOutcome.Kind.ANSWERED, in, analysis,
                facts.country(), facts.conversationRisk(), conversation.isEmpty(), handoff.opened().map(e ->
                        new TurnOutcome.Opened(e.state().code(), handoff.partner().map(Partner::id))), now);
    }

    /**
     * A "No" while "are you safe right now?" is the open question: heard even from an older message's button (the
     * crisis follow-up asks the same question again under a new tag); the worst a misread tap can do is bring the
     * emergency numbers. A stale "Yes" is never heard: it could close the safety check or give consent.
     */
    private static boolean notSafe(Optional<ConversationRow> conversation, Analysis analysis) {
        return conversation.map(ConversationRow::state).filter(DialogueState.SAFETY_CHECK.code()::equals).isPresent()
                && analysis.command().filter(c -> c == Command.NO || c == Command.NOT_SAFE).isPresent();
    }

    /**
     * A tap on a button of a question the conversation has moved on from ("Yes" under an old "are you safe?" while
     * the bot now asks whether a counsellor may read the chat), or an edit that holds no danger ("ok" edited while
     * the bot asks "are you safe?"): it is not taken for an answer to the question asked now, which could share the
     * person's words or close a risk check. Nothing is said or changed; it is kept as handled, so its redelivery
     * answers the same.
     */
    private static Handled passed(ConversationTx tx, InboundMessage in, Optional<ConversationRow> conversation,
                                  Instant now) {
        TurnResult nothing = new TurnResult(List.of(), null);
        String json = TurnJson.write(nothing);
        conversation.ifPresent(c -> tx.recordProcessed(c.id(), in.messageId(), json, now));
        return new Handled(nothing, json, Optional.empty());
    }

    /** The answer, with what the turn did in closed values only (for the observer, after the commit). */
    private static Handled outcome(TurnResult result, String json, TurnOutcome.Kind kind, InboundMessage in,
                                   Analysis a, String country, RiskLevel conversationRisk, boolean newConversation,
                                   Optional<TurnOutcome.Opened> opened, Instant now) {
        return new Handled(result, json, Optional.of(new TurnOutcome(in.channel(), country, a.language(), a.intent(),
                a.risk(), conversationRisk, kind, newConversation, result.replies().size(), opened, now)));
    }

    /**
     * "delete my data" and "stop" are never relayed: they work in every state, a human handoff included, and end
     * the escalation (its counsellor is told the person has left).
     */
    private static boolean leaves(Analysis a) {
        return a.command().filter(c -> c == Command.DELETE_DATA || c == Command.STOP).isPresent();
    }

    /**
     * The answer already given to this message, if it was handled before: asked for a message its sender's limit
     * would refuse, so that a repeat of an answered one gets its answer rather than a refusal. {@code userRef} is the
     * sender's keyed hash, made by the caller.
     */
    Optional<Answer> answeredBefore(InboundMessage in, String userRef) {
        ConversationKey key = new ConversationKey(in.channel(), userRef);
        String forgetKey = p.hasher().messageKey(in.channel(), key.userRef(), in.messageId());
        String textKey = p.hasher().textKey(in.channel(), key.userRef(), in.text());
        return p.conversations().withConversation(key, tx -> tx.processedResponse(in.messageId(), forgetKey,
                textKey)).map(Answer::repeated);
    }

    /** Messages waiting for a person (a counsellor's words, status notes) after sequence number {@code after}. */
    public List<HandoffStore.UserMessage> messagesFor(String channel, String userId, long after,
                                                      HandoffStore handoffs) {
        return handoffs.userMessages(channel, p.hasher().hash(channel, userId), after);
    }

    private TurnFacts facts(InboundMessage in, Optional<ConversationRow> conversation, Analysis a,
                            Optional<String> named, Optional<String> remembered, Language language, String country,
                            List<String> counsellorCountries, TurnFacts.PlaceSaid placeSaid, boolean helpsSomeoneElse,
                            Instant now) {
        // helpsSomeoneElse: abuse told of someone else, or a helper's next message (stillAboutSomeoneElse)
        RiskLevel earlier = earlierRisk(conversation, now);
        RiskLevel conversationRisk = RiskLevel.max(a.risk(), earlier);
        DialogueState state = conversation.map(c -> DialogueState.fromCode(c.state())).map(DialogueState::written)
                .orElse(DialogueState.NEW);
        String topic = named.or(() -> remembered).orElse("");
        TurnFacts facts = new TurnFacts(a.intent(), a.confidence(), a.lowConfidence(), a.risk(), conversationRisk,
                language, country, state,
                a.requestsHuman(), a.thirdPerson() || in.forwarded()  // a forward is someone else's words
                        || asksHowToHelp(a) || helpsSomeoneElse,
                a.command().or(() -> in.media() ? Optional.of(Command.MEDIA) : Optional.empty()), topic,
                named.isPresent(), a.categories(), a.asksAboutMeans(), earlier, true,
                actBefore(a, topic, earlier, conversation), a.classified(), placeSaid);
        return facts.withCounsellorAvailable(p.desk().couldOffer(counsellorCountries, facts.language().code(),
                CounsellorHandoff.topic(facts)));
    }

    /**
     * Someone named beside a means alone ("ابوي عنده مسدس بالبيت", my father has a pistol at home) in a conversation at
     * the writer's own high risk: the writer's way to it, not someone else in danger (the s54 QA pass: the conversation
     * turned to a helper's there, and "the pistol is in my hand now" was answered "say where he is, stay with him").
     */
    private boolean theirWayToIt(Analysis a, Optional<ConversationRow> stored, Instant now) {
        return a.thirdPerson() && !a.categories().isEmpty() && a.categories().stream()
                .allMatch(c -> c == DistressCategory.MEANS || c == DistressCategory.TIMEFRAME)
                && stored.filter(c -> !PersonReading.answeredAHelper(c)).isPresent()
                && earlierRisk(stored, now).atLeast(RiskLevel.HIGH);
    }

    /** The conversation's risk before this message: its peak while still remembered, else none. */
    private RiskLevel earlierRisk(Optional<ConversationRow> conversation, Instant now) {
        RiskLevel peak = conversation.map(c -> RiskLevel.fromCode(c.peakRisk())).orElse(null);
        Instant peakAt = conversation.map(ConversationRow::peakRiskAt).orElse(null);
        return p.conversationRisk().after(RiskLevel.NONE, peak, peakAt, now);
    }

    /**
     * Whose act on the body the turn follows: what the messages read with it told, else the act the conversation
     * still remembers as its topic while its risk is high and the last reply was of the emergency still going on,
     * someone else's when that reply spoke to a helper. Once the tablets were three messages back, "i'm scared" and "i
     * feel sleepy" got a breathing exercise and the low-mood reply with no 911, and a mother's "what should i do" was
     * told to ask her son about suicide (the s54 QA pass); once help has come, the act no longer leads.
     */
    private static Analysis.ActBefore actBefore(Analysis a, String topic, RiskLevel earlier,
                                                Optional<ConversationRow> conversation) {
        if (a.actBefore() != Analysis.ActBefore.NONE || !TopicMemory.EMERGENCY.equals(topic)
                || !earlier.atLeast(RiskLevel.HIGH)
                || !conversation.map(PersonReading::stillInAnEmergency).orElse(false)) {
            return a.actBefore();
        }
        return conversation.map(PersonReading::answeredAHelper).orElse(false) ? Analysis.ActBefore.SOMEONE_ELSE
                : Analysis.ActBefore.OWN;
    }

    /**
     * "how do i help her?" with no danger told in the message's words: the turn is about the other person. Danger told
     * with it is read as the lexicon reads it: "my friend says she wants to die, how do i help her" is hers, "i want to
     * die, how do i help my sister understand" the writer's own.
     */
    private static boolean asksHowToHelp(Analysis a) {
        return a.command().filter(c -> c == Command.HELP_SOMEONE).isPresent()
                && a.categories().stream().noneMatch(DistressCategory::isSelfHarmFamily);
    }

    /**
     * A helper's next message after the bot answered them as one ("what should i do?", "she's not answering her phone
     * now", «اعمل ايه؟») is still about the other person, not the writer's own crisis, unless the writer now says
     * danger of their own ("honestly i feel like dying too"), says they would do as the other did ("I think about
     * doing the same", after a friend's suicide: the risk rules read it with the death told before) without naming
     * anyone else, or answers with a command. Danger told with no subject of its own ("khoon ruk nahi raha", the
     * bleeding will not stop, after a sister's cut: the s51 QA pass had it answered as the writer's own, with the
     * writer's country's numbers) is the other person's too; a wish with no subject is the writer's
     * ({@link DistressAssessment#ownWords}).
     */
    private static boolean stillAboutSomeoneElse(Analysis a, DistressAssessment words,
                                                 Optional<ConversationRow> conversation) {
        boolean followsThemself = a.follows() && !a.thirdPerson();
        return conversation.map(PersonReading::answeredAHelper).orElse(false)
                // "ok" and "idk" go on with the helper too, and so does a report ("she won't go to the hospital")
                // and so does a helper's question ("kya 1122 ko call karun?", the s56 QA pass: answered as the
                // writer's own emergency)
                && a.command().filter(c -> c.steers() && c != Command.OK && c != Command.UNSURE
                        && !c.helpersQuestion()).isEmpty()
                && !followsThemself && (!words.ownWords() || a.thirdPerson()
                || a.categories().stream().noneMatch(DistressCategory::isSelfHarmFamily));
    }

    /**
     * Rules, then any risk the matching rule says the turn has (a "yes" to a risk check), then the safety floor on the
     * raised risk. The rule that matched decides: matched again on the raised risk, a rule for a question read at low
     * risk that raises it (a dose asked for a headache) would lose the turn to the rule for the same question at risk.
     */
    private Decided decide(TurnFacts facts) {
        RuleEngine.Ruling ruling = p.rules().get().rule(facts);
        TurnFacts raised = facts.withRiskAtLeast(ruling.riskFloor());
        return new Decided(raised, p.safety().apply(ruling.decision(), raised));
    }

    /** Abuse of the writer told in words ("he beats me too"): a helper who says it speaks of themself now. */
    private static boolean ownAbuseTold(Cues.Found cues) {
        return cues.topic().filter("abuse_violence"::equals).isPresent() && !cues.aboutSomeoneElse();
    }

    /**
     * Low mood after a birth told of someone else ("my wife gave birth a month ago and cries all the time", «زوجتي
     * ولدت قبل شهر وصارت تبكي طول الوقت»: cue section {@code someone-else}, topic {@code postpartum}) with no word of
     * danger in it: a helper's worry, answered as one, whatever the model read (the s56 QA pass: a husband was asked
     * "are you safe right now?" and escalated). A wish or an act told with it is read as the lexicon reads it.
     */
    private static boolean worryForSomeoneElse(Cues.Found cues, Analysis analysis) {
        return cues.aboutSomeoneElse() && cues.topic().filter("postpartum"::equals).isPresent()
                && analysis.categories().stream().noneMatch(DistressCategory::isDistress);
    }

    /**
     * Abuse told of someone else ("her husband beats her", «اختي في دبي زوجها يضربها»), with no danger of a wish or an
     * act in it: the writer is a helper (the s50 QA pass: they were told "I'm sorry this is happening to you" with the
     * lines of their own country). Danger read at moderate or more has the risk rules' own reading of whose it is.
     */
    private static boolean abuseOfSomeoneElse(Cues.Found cues, Analysis analysis) {
        return cues.aboutSomeoneElse() && !analysis.risk().atLeast(RiskLevel.MODERATE)
                && (cues.topic().filter("abuse_violence"::equals).isPresent()
                    || analysis.intent() == Intent.ABUSE_VIOLENCE);
    }

    /**
     * Someone else placed in one country and the writer in another, with danger the model reads (high or more: the
     * writer's own low mood beside a friend's city is still theirs) but no word of danger the lexicon hears but a
     * means, a place, a time or a farewell, none of it the writer's by its words: the writer is a helper far away
     * ("my best friend in karachi just posted goodbye on her insta story and isnt picking up. im in london" was asked
     * "are you safe right now?" with Britain's 999, and a mother in Lahore whose son at university in London had
     * written "sorry for everything" got Pakistan's 15 and 1122: the s52 QA pass). A person at risk who names where a
     * relative is says their own danger in words the lexicon mostly knows, and then it is read as theirs.
     */
    private static boolean helperFromAfar(Cues.Found cues, Analysis analysis, DistressAssessment words) {
        Optional<String> theirs = cues.there().map(SaidCountry::country);
        Optional<String> mine = cues.said().filter(s -> s.how() == SaidCountry.How.HERE).map(SaidCountry::country);
        return theirs.isPresent() && mine.isPresent() && !theirs.equals(mine)
                && analysis.risk().atLeast(RiskLevel.HIGH) && !words.ownWords()
                && words.categories().stream().allMatch(FROM_AFAR_TOLD::contains);
    }

    /** What the message said of where the person is: nothing, their place with more, or their place alone. */
    private static TurnFacts.PlaceSaid placeSaid(Cues.Found cues) {
        if (cues.placeAlone()) {
            return TurnFacts.PlaceSaid.ALONE;       // only where the person is now: Places.Reading#alone
        }
        return cues.said().filter(SaidCountry::isHere).isPresent() ? TurnFacts.PlaceSaid.SAID
                : TurnFacts.PlaceSaid.NONE;
    }

    /**
     * The numbers this turn may show, all from the one {@link Referrals}: the person's own country (or the
     * international fallbacks), fitted to their words, and the safety floor's open crisis line at high risk.
     */
    private Resources resources(Decision decision, TurnFacts facts, Cues.Found cues, boolean medical, Instant now) {
        Set<String> topics = new java.util.LinkedHashSet<>(decision.helplineTopics());
        if (facts.conversationRisk().atLeast(RiskLevel.HIGH)) {
            topics.addAll(CRISIS_TOPICS); // risk memory: the crisis lines stay attached to every reply
        }
        Need need = p.cues().widen(new Need(topics, facts.country(), facts.language().code(), Set.of(), Set.of()),
                cues);
        if (medical) {
            need = need.medicalEmergency();     // tablets taken, a cut, a hanging: the ambulance before the police
        }
        Referral referral = p.referrals().find(need, decision.helplineIds(), now);
        return new Resources(referral, p.safety().ensureOpenCrisisLine(referral.lines(), facts.conversationRisk(),
                p.referrals().directory(), facts.country(), facts.language().code(), now));
    }

    /**
     * Whether this turn's numbers are for a body in danger: this message tells an act (tablets taken, a cut, a
     * hanging), or one of the messages read with it did, or the conversation still remembers one as its topic, and
     * the conversation is still at high risk ("what do i do", "she isn't answering" after "my mum took all her pills"
     * kept the ambulance first; the probe of 5 December saw it fall back to the police on every follow-up, the s38
     * probe once the act was three messages back).
     */
    private static boolean medical(Analysis analysis, TurnFacts facts) {
        boolean actTold = analysis.actBefore() != Analysis.ActBefore.NONE
                || TopicMemory.EMERGENCY.equals(facts.topic());
        // a cut told at high risk, and danger of the person's own now with no one else's violence in it ("i'll kill
        // myself tonight"): the ambulance before the police (the s53 QA pass had the police first for self-harm, an
        // overdose and a plan for tonight; fear of the police keeps people from calling)
        boolean violence = facts.topic() != null && VIOLENCE.contains(facts.topic());
        return analysis.categories().contains(DistressCategory.ACT)
                || actTold && facts.conversationRisk().atLeast(RiskLevel.HIGH)
                || analysis.categories().contains(DistressCategory.SELF_HARM) && analysis.risk().atLeast(RiskLevel.HIGH)
                || facts.conversationRisk() == RiskLevel.IMMINENT && !violence;
    }

    /**
     * Deletes everything about the person and confirms; nothing of this turn is recorded. When the safety floor
     * raised the turn (a crisis said together with "delete my data"), the crisis reply with its open line comes
     * first; after a crisis earlier in the conversation the confirmation itself lists the crisis lines: the data
     * still goes, as asked, but the person is not left without a number.
     */
    private TurnResult forget(ConversationTx tx, InboundMessage in, String forgetKey, String conversationId,
                              Decided decided, Resources resources, ReplyComposer.Person person, Instant now) {
        Decision decision = decided.decision();
        Language language = decided.facts().language();
        List<TurnResult.Reply> replies = new ArrayList<>();
        boolean crisisReply = !decision.template().equals("data_deleted");
        if (crisisReply) {
            replies.addAll(p.composer().compose(new ReplyComposer.Turn(decision.template(), language,
                    decided.facts().risk(), decided.facts().conversationRisk(), resources.referral(),
                    resources.offers(), !decision.helplineTopics().isEmpty(), List.of(), false, false, false, false,
                    null, false, person)).replies());
        }
        // after a crisis the confirmation is the last thing Saath says: it keeps the crisis lines (and the emergency
        // numbers where none is open), as every reply after a crisis does
        boolean afterCrisis = !crisisReply && decided.facts().conversationRisk().atLeast(RiskLevel.HIGH);
        replies.add(new TurnResult.Reply(p.composer().note("data_deleted", language, resources.referral(),
                afterCrisis), List.of()));
        TurnResult result = new TurnResult(replies, null);
        // the confirmation still reaches a person on a platform channel: its rows carry their own sealed address
        tx.forget(Optional.of(forgetKey), TurnJson.write(result), now,
                Leaving.ending(tx, "person", Leaving.DATA_DELETED, now),
                people.rows(in, tx.key().userRef(), conversationId, result, language, "", now));
        return result;
    }

    /**
     * Whether the person asks for someone: the lexicon heard a request for a person, or the intent classifier heard a
     * request for help ("can i talk to someone?") before a crisis reading of the same words overrode its intent.
     */
    private static boolean asksForSomeone(Read read, Analysis analysis) {
        return analysis.requestsHuman()
                || !analysis.lowConfidence() && read.reading().classification().intent() == Intent.SEEK_HELP;
    }

    /**
     * The reply and the escalation it shows. It says where the handoff stands when this turn opened, offered or
     * refused an escalation, and when the person asks for someone ({@code asksForSomeone}) while one is open,
     * whichever reply the rules chose: a crisis reply outranks "asks for a person".
     */
    private Replied reply(ConversationTx tx, SafetyPlanFlow.Outcome plan, Decided decided, Resources resources,
                          Optional<ConversationRow> conversation, Optional<EscalationRow> open,
                          CounsellorHandoff.Outcome handoff, ReplyComposer.Person person, boolean asksForSomeone) {
        Language language = decided.facts().language();
        List<String> extra = new ArrayList<>();
        String template = plan.template();
        if (plan.showPlan()) {
            SortedMap<Integer, String> answers = new TreeMap<>(tx.planAnswers());
            plan.answer().ifPresent(a -> answers.put(a.step(), a.answerRedacted()));
            if (answers.isEmpty()) {
                template = "plan_empty";           // no "Your safety plan:" over "you don't have one yet"
            } else {
                extra.add(p.renderer().plan(answers, language));
            }
        }
        // an escalation the sender's limit refused is told like one nobody can take: no counsellor is available
        boolean tellsHandoff = handoff.opened().isPresent() || handoff.refused() || handoff.offeredNow()
                || asksForSomeone && open.isPresent() && !handoff.ended();
        ReplyComposer.Composed composed = p.composer().compose(new ReplyComposer.Turn(template, language,
                decided.facts().risk(), decided.facts().conversationRisk(), resources.referral(), resources.offers(),
                !decided.decision().helplineTopics().isEmpty(), extra,
                tellsHandoff, handoff.counsellor(), handoff.askConsent(),
                conversation.isEmpty(), conversation.map(ConversationRow::lastReply).orElse(null),
                plan.nextState().asksYesNo(), person));
        TurnResult.EscalationView escalation = handoff.opened()
                .map(e -> new TurnResult.EscalationView(e.id(), e.state().code()))
                .or(() -> open.map(e -> new TurnResult.EscalationView(e.id(), handoff.ended() ? "resolved"
                        : handoff.offeredNow() ? "offered" : e.state()))).orElse(null);
        return new Replied(new TurnResult(composed.replies(), escalation), composed.replyId());
    }
}
