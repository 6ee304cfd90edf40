package org.saath.nlu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NLU stage in one call: normalise → detect language → classify intent → detect distress → risk.
 *
 * <p>Risk is its own model ({@link RiskClassifier}), trained on a risk-labelled corpus and reading the message
 * together with the person's previous few messages; the distress lexicon, the context and the intent classifier's
 * crisis probability can only raise its level, by the written rules of {@link RiskRules}, each named in
 * {@code signals}. A message at {@code high} or above is a crisis whatever intent won.
 */
public final class Analyser {

    private static final Logger LOG = LoggerFactory.getLogger(Analyser.class);

    /** The previous messages read as context: as many as the risk corpus gives its rows. */
    public static final int CONTEXT_TURNS = 2;

    /**
     * The signal of a message whose words frame it as a topic (the news, a film, a lesson) and name no one of the
     * writer's own ("did u see the news about the student … who died by suicide?"): a death it tells is no loss of
     * theirs ({@code TopicMemory}).
     */
    public static final String TOLD_AS_TOPIC = "told-as-topic";

    /** What names a way of dying: a means, a place, a question about a method or a dose. */
    private static final Set<DistressCategory> MEANS_OR_WAY = EnumSet.of(DistressCategory.MEANS,
            DistressCategory.PLACE, DistressCategory.METHOD_QUESTION);

    private final TextNormaliser normaliser;
    private final LanguageDetector languages;
    private final IntentClassifier classifier;
    private final RiskClassifier riskModel;
    private final DistressDetector distress;
    /** The lexicon the risk model was trained with: its features are read through it (often {@link #distress}). */
    private final PinnedLexicon modelDistress;
    private final CommandDetector commands;
    private final GenderCues genders;
    private final RiskRules rules = new RiskRules();
    private final double minConfidence;

    public Analyser(TextNormaliser normaliser, LanguageDetector languages, IntentClassifier classifier,
                    RiskClassifier riskModel, DistressDetector distress, CommandDetector commands, GenderCues genders,
                    double minConfidence) {
        this(normaliser, languages, classifier, riskModel, distress, distress, commands, genders, minConfidence);
    }

    /**
     * @param distress      the lexicon the rules read
     * @param modelDistress the lexicon {@code riskModel} was trained with, through which its features are read: a
     *                      phrase added to the lexicon since raises risk by the rules without moving the model
     */
    public Analyser(TextNormaliser normaliser, LanguageDetector languages, IntentClassifier classifier,
                    RiskClassifier riskModel, DistressDetector distress, DistressDetector modelDistress,
                    CommandDetector commands, GenderCues genders, double minConfidence) {
        this.normaliser = normaliser;
        this.languages = languages;
        this.classifier = classifier;
        this.riskModel = riskModel;
        this.distress = distress;
        this.modelDistress = new PinnedLexicon(distress, modelDistress);
        this.commands = commands;
        this.genders = genders;
        this.minConfidence = minConfidence;
    }

    /**
     * What one message says on its own: everything but its risk, which is read with the conversation. The costly
     * part of the analysis (the intent model), so the service does it before it takes the conversation's lock.
     */
    public record Reading(NormalisedText text, Language language, Classification classification, Utterance message,
                          Optional<Command> command, Optional<Language> asksForLanguage, GenderCues.Read gender,
                          MessageFeatures features) {
    }

    /**
     * The same person's previous messages as the risk layer reads them, oldest first: only the last
     * {@value #CONTEXT_TURNS}. Read once per turn; the turn's other readers of those messages (the cues of who is
     * at risk) take their normalised texts from here.
     */
    public record Context(List<Utterance> messages) {
        public static final Context NONE = new Context(List.of());

        public Context {
            messages = List.copyOf(messages);
        }
    }

    /** A first message, or one read without its conversation. */
    public Analysis analyse(String raw) {
        return analyse(read(raw), Context.NONE);
    }

    /**
     * @param raw     the message
     * @param context the same person's previous messages in this conversation, oldest first; only the last
     *                {@value #CONTEXT_TURNS} are read
     */
    public Analysis analyse(String raw, List<String> context) {
        return analyse(read(raw), context(context));
    }

    /** As {@link #analyse(Reading, Context)}, reading the previous messages first. */
    public Analysis analyse(Reading reading, List<String> context) {
        return analyse(reading, context(context));
    }

    /** Normalise → language → intent → lexicon → command → gender cues: the message alone. */
    public Reading read(String raw) {
        NormalisedText text = normaliser.normalise(raw);
        MessageFeatures features = new MessageFeatures(text);
        return new Reading(text, languages.detect(raw, text), classify(features),
                new Utterance(text, distress.assess(text)), commands.detect(text), commands.requestedLanguage(text),
                genders.read(text), features);
    }

    /**
     * The risk of a message read together with the same person's previous messages (oldest first; only the last
     * {@value #CONTEXT_TURNS} count), by the risk model and the rules; and the rest of the analysis.
     */
    public Analysis analyse(Reading reading, Context context) {
        Classification classification = reading.classification();
        Utterance message = reading.message();
        // a command ("yes", "stop", "show my safety plan") steers the conversation, it is not a follow-up: the rules
        // read it in the conversation's state (a report, "i dont want to go to hospital", is read with what came
        // before it)
        List<Utterance> before = context.messages();
        List<Utterance> previous = reading.command().filter(Command::steers).isPresent()
                || partsAfterCalm(reading, before) ? List.of() : before;
        RiskEstimate estimate = estimate(message, reading.features(), previous);
        // a bare "yes", "ok" or "I'm fine" ("im safe", "yes i'm safe") says nothing more than the answer: the intent
        // classifier, which learnt "safe" from crises, is not heard on it (it lifted "im safe" to moderate, and the
        // bot asked "are you safe right now?" again)
        boolean bareAnswer = reading.command().filter(c -> c == Command.YES || c == Command.OK
                || c == Command.FINE || c == Command.UNSURE).isPresent() && commands.isWhole(reading.text())
                // nor on feeling better told in passing with no word of danger ("taking my medicine as prescribed,
                // feeling better today actually" was asked about suicide: the s56 QA pass)
                || reading.command().filter(c -> c == Command.FINE).isPresent()
                && message.lexicon().categories().stream()
                        .allMatch(c -> !c.isDistress() || c == DistressCategory.TIMEFRAME);
        // an answer that steadies ("my name is Samira") is read once more without the messages before it: the rules
        // hold it below high only when the danger the model heard was theirs (RiskRules.steadies)
        RiskEstimate withoutContext = previous.isEmpty() || !RiskRules.steadies(message) ? estimate
                : estimate(message, reading.features(), List.of());
        // nor on a counsellor declined ("خلاص لا، ما ابي مستشار"), whose «ما ابي» it learnt from wishes not to live
        // (the s52 QA pass: read high, the request was kept open); danger told with it is the lexicon's to hear
        boolean declinesCounsellor = reading.command().filter(c -> c == Command.CANCEL_HUMAN).isPresent();
        RiskRules.Judgement judgement = rules.judge(message, previous, estimate, withoutContext,
                riskModel.thresholds(), bareAnswer || declinesCounsellor ? 0 : classification.crisisProbability(),
                reading.command().filter(c -> c == Command.HELP_HERE).isPresent());

        List<String> signals = new ArrayList<>(message.lexicon().signals());
        signals.addAll(judgement.signals());
        RiskLevel risk = judgement.level();
        Optional<String> asked = questionOfItsOwn(reading, message);
        // how to help someone, asked in a first message, keeps what the model heard up to moderate: the worry it tells
        // may be danger in words the lexicon does not know ("kehti hai kaash woh paida na hoti, uski madad kaise
        // karun?", she says she wishes she had never been born); the other questions come after danger told, which
        // the conversation remembers
        boolean howToHelp = reading.command().filter(c -> c == Command.HELP_SOMEONE).isPresent();
        RiskLevel heldAt = howToHelp ? RiskLevel.MODERATE : RiskLevel.LOW;
        if (asked.isPresent() && risk.atLeast(howToHelp ? RiskLevel.HIGH : RiskLevel.MODERATE)) {
            risk = heldAt;
            signals.add(asked.get());
        }
        boolean lowConfidence = classification.confidence() < minConfidence;
        Intent intent = lowConfidence ? Intent.OUT_OF_SCOPE : classification.intent();
        Intent classified = intent;
        if (risk.atLeast(RiskLevel.HIGH) && intent != Intent.CRISIS) {
            signals.add("risk-overrides-intent:" + intent.label());
            intent = Intent.CRISIS;
        }
        signals.add("classifier:" + classification.intent().label() + ":" + Decimals.two(classification.confidence()));
        // an answer that steadies names who is with the writer ("meri khala aa gayi hain, woh aaj mere paas rukengi"):
        // it tells of no one else's danger, and the helper's reply ("call with them") was given to the person at risk
        boolean thirdPerson = message.lexicon().thirdPerson() && risk.atLeast(RiskLevel.MODERATE)
                && (previous.isEmpty() || !RiskRules.steadies(message));
        if (thirdPerson) {
            signals.add("third_person");
        }
        if (message.lexicon().cues().contains(DistressCategory.TOPIC)
                && !message.lexicon().cues().contains(DistressCategory.THIRD_PERSON)) {
            signals.add(TOLD_AS_TOPIC);
        }
        boolean asksAboutMeans = asksAboutMeans(message.lexicon(), classification, lowConfidence);
        if (asksAboutMeans) {
            signals.add("asks-about-means");
        }
        return new Analysis(reading.language(), intent, classification.confidence(), lowConfidence, risk, thirdPerson,
                message.lexicon().requestsHuman(), reading.command(), reading.asksForLanguage(), signals,
                modelVersion(), message.lexicon().categories(), asksAboutMeans, reading.gender(), judgement.source(),
                message.lexicon().follows(), Analysis.ActBefore.of(before), classified);
    }

    /**
     * A question of its own, answered, whose words tell no danger; the signal that says which. About Saath itself
     * ({@code asks-about-saath}: "before i say anything, is this confidential? will anyone tell my parents?",
     * «کیا یہ بات چیت راز رہے گی؟», «هل كلامي هنا سري؟ ما أبي أهلي يعرفون»): the models, which learnt secrecy from
     * crises, read it high, and the person asking before they say anything was told "please call now, are you safe?"
     * (the s39 probe). A helper's, about keeping someone safe ({@code asks-how-to-help}: "should i remove the razors and
     * pills from her room?", "what do i say to her?", "should i call the police?"), which may name a means (the one to
     * put away, or the one the other person has: "he has a big bottle of sleeping pills in his room, what do i say to
     * him?"): the model, which learnt razors and the police from crises, read the first and the last {@code imminent}
     * after a sister's wish to die, and the helper was told "if she has taken something" (the s55 QA pass); and how to
     * help someone low ({@link Command#HELP_SOMEONE}, no means named: "My mother is depressed and stopped eating. She
     * won't see a doctor. What can I do?" was read high by the model and asked "are you safe right now?", the s56 QA
     * pass). Danger told in words with either, an act or a time, is still heard.
     */
    private static Optional<String> questionOfItsOwn(Reading reading, Utterance message) {
        Command command = reading.command().orElse(null);
        Set<DistressCategory> told = message.lexicon().categories();
        if ((command == Command.PRIVACY || command == Command.ABOUT)
                && told.stream().noneMatch(DistressCategory::isDistress)) {
            return Optional.of("asks-about-saath");
        }
        if (command != null && command.helpersQuestion() && told.stream()
                .allMatch(c -> !c.isDistress() || c == DistressCategory.MEANS)
                || command == Command.HELP_SOMEONE && told.stream().noneMatch(DistressCategory::isDistress)) {
            return Optional.of("asks-how-to-help");
        }
        return Optional.empty();
    }

    /**
     * A means, a place or a method question in a message the classifier cannot place ("what's the highest bridge in
     * karachi", "how many panadol would kill me"): the lexicon heard a way of dying, the model heard nothing it
     * knows. Such a question is answered on the crisis route, never as out of scope; its risk is the risk rules'
     * (a method question is at least {@code high}). A message that also says the person wants to die or to hurt
     * themselves is a crisis in its own right and is not counted here, and so is one that says a preparation done
     * ("the noose is tied to the fan"): that is no question; a plan ("how many pills") or the method question itself
     * is. A method question in so many words ("how many pills does it take to die") is one whatever the classifier
     * made of it: read as a crisis, it was thanked for "telling" instead of told why it gets no answer.
     */
    private static boolean asksAboutMeans(DistressAssessment lexicon, Classification c, boolean lowConfidence) {
        Set<DistressCategory> heard = lexicon.categories();
        boolean unplaced = lowConfidence || c.intent() == Intent.OUT_OF_SCOPE
                || heard.contains(DistressCategory.METHOD_QUESTION);
        return unplaced && MEANS_OR_WAY.stream().anyMatch(heard::contains)
                && heard.stream().noneMatch(k -> k == DistressCategory.PREPARATION
                        || k.isSelfHarmFamily() && !MEANS_OR_WAY.contains(k) && k != DistressCategory.PLAN);
    }

    /**
     * The last {@value #CONTEXT_TURNS} of {@code context} (oldest first), normalised and through the lexicon, from after
     * the last that said help has come ({@link Command#HELP_HERE}): what came before it is in hands that can help. The
     * tablets two messages back had made "i feel so ashamed", after "the ambulance is here", an act still going on,
     * with "call the emergency number now" (a dev probe, 7 December).
     */
    public Context context(List<String> context) {
        List<Utterance> previous = new ArrayList<>(CONTEXT_TURNS);
        for (String earlier : context.subList(Math.max(0, context.size() - CONTEXT_TURNS), context.size())) {
            NormalisedText text = normaliser.normalise(earlier);
            if (commands.detect(text).filter(c -> c == Command.HELP_HERE).isPresent()) {
                previous.clear();
            } else {
                previous.add(new Utterance(text, distress.assess(text)));
            }
        }
        return new Context(previous);
    }

    /** A failing classifier must not lose the person: degrade to "unsure", and the lexicon still sets risk. */
    private Classification classify(MessageFeatures text) {
        try {
            return classifier.classify(text);
        } catch (RuntimeException e) {
            LOG.warn("intent classifier {} failed ({}); answering from the lexicon alone",
                    classifier.modelVersion(), e.getClass().getSimpleName());
            return new Classification(Intent.OUT_OF_SCOPE, 0.0, 0.0);
        }
    }

    /** A failing risk model must not lose the person either: the lexicon's rules still stand. */
    private RiskEstimate estimate(Utterance message, MessageFeatures features, List<Utterance> context) {
        try {
            return riskModel.estimate(asTrained(message), features, context.stream().map(this::asTrained).toList());
        } catch (RuntimeException e) {
            LOG.warn("risk model {} failed ({}); answering from the lexicon alone", riskModel.modelVersion(),
                    e.getClass().getSimpleName());
            return RiskEstimate.none();
        }
    }

    /** {@code u} as the risk model was trained to read it: through the lexicon of its training. */
    private Utterance asTrained(Utterance u) {
        DistressAssessment trained = modelDistress.assess(u.text(), u.lexicon());
        return trained == u.lexicon() ? u : new Utterance(u.text(), trained);
    }

    /**
     * A thanks or a goodbye with no word of danger, after messages with none either that the model itself reads below
     * {@code moderate} on their own: it is read on its own too. The model learnt farewells after distress as danger,
     * and «شكرا كتير، ريحتيني، باي» (thanks a lot, you made me feel better, bye) after being "a bit upset about work"
     * was read imminent: "please call now", the police first, a counsellor asked (the s52 QA pass). After danger the
     * model hears in words the lexicon does not know ("everyone would be happier without me"), a goodbye is read with
     * it as before.
     */
    private boolean partsAfterCalm(Reading reading, List<Utterance> before) {
        if (before.isEmpty() || reading.classification().intent() != Intent.GRATITUDE_GOODBYE
                || !reading.message().lexicon().categories().isEmpty()
                || before.stream().anyMatch(u -> !u.lexicon().categories().isEmpty())) {
            return false;
        }
        Utterance last = before.get(before.size() - 1);
        RiskEstimate earlier = estimate(last, new MessageFeatures(last.text()), before.subList(0, before.size() - 1));
        return !earlier.level(riskModel.thresholds()).atLeast(RiskLevel.MODERATE);
    }

    /** The versions of the intent and risk models answering: {@code <intent>+risk-<risk>}. */
    public String modelVersion() {
        return classifier.modelVersion() + "+risk-" + riskModel.modelVersion();
    }

    /** The intent model's version alone. */
    public String intentModelVersion() {
        return classifier.modelVersion();
    }
}
