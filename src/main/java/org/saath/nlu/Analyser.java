package org.saath.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NLU stage in one call: normalise → detect language → classify intent → detect distress → risk.
 *
 * <p>Risk does not rest on the classifier alone: the lexicon's risk stands whatever the classifier says, and the
 * classifier can add to it ({@code crisis} with confidence ≥ {@value #CRISIS_HIGH} is {@code high}; a crisis
 * probability ≥ {@value #CRISIS_MODERATE} is {@code moderate} whichever intent won). The classifier reaches {@code high} (which escalates to a human)
 * only when the lexicon saw some distress too (a means, a timeframe, hopelessness…); on its own it can raise a
 * message to {@code moderate}, where the bot asks directly and shows crisis lines. A model trained on short
 * hand-written messages is least reliable on long or out-of-domain text, and an escalation costs a counsellor's
 * time. When every distress phrase was negated ("I'm not suicidal"), the classifier cannot push the message above
 * {@code moderate}, but nothing lowers it below {@code low}.
 */
public final class Analyser {

    private static final Logger LOG = LoggerFactory.getLogger(Analyser.class);

    static final double CRISIS_HIGH = 0.7;
    /** Chosen by cross-validation on the intent sentences: recall 0.897 at moderate+, 4.6% of other rows checked. */
    static final double CRISIS_MODERATE = 0.2;

    private final TextNormaliser normaliser;
    private final LanguageDetector languages;
    private final IntentClassifier classifier;
    private final DistressDetector distress;
    private final CommandDetector commands;
    private final GenderCues genders;
    private final double minConfidence;

    public Analyser(TextNormaliser normaliser, LanguageDetector languages, IntentClassifier classifier,
                    DistressDetector distress, CommandDetector commands, GenderCues genders, double minConfidence) {
        this.commands = commands;
        this.genders = genders;
        this.normaliser = normaliser;
        this.languages = languages;
        this.classifier = classifier;
        this.distress = distress;
        this.minConfidence = minConfidence;
    }

    public Analysis analyse(String raw) {
        NormalisedText text = normaliser.normalise(raw);
        Language language = languages.detect(raw, text);
        Classification classification = classify(text);
        DistressAssessment lexicon = distress.assess(text);

        List<String> signals = new ArrayList<>(lexicon.signals());
        RiskLevel risk = risk(lexicon, classification, signals);
        boolean lowConfidence = classification.confidence() < minConfidence;
        Intent intent = lowConfidence ? Intent.OUT_OF_SCOPE : classification.intent();
        if (risk.atLeast(RiskLevel.HIGH) && intent != Intent.CRISIS) {
            signals.add("risk-overrides-intent:" + intent.label());
            intent = Intent.CRISIS;
        }
        boolean asksAboutMeans = asksAboutMeans(lexicon, classification, lowConfidence);
        if (asksAboutMeans) {
            signals.add("asks-about-means");
        }
        return new Analysis(language, intent, classification.confidence(), lowConfidence, risk,
                lexicon.thirdPerson(), lexicon.requestsHuman(), commands.detect(text), commands.requestedLanguage(text),
                signals, classifier.modelVersion(), lexicon.categories(), asksAboutMeans, genders.read(text));
    }

    /** The lexicon's risk, raised by the classifier as the class comment says; adds the classifier's signal. */
    private static RiskLevel risk(DistressAssessment lexicon, Classification classification, List<String> signals) {
        RiskLevel fromClassifier = classifierRisk(classification);
        if (fromClassifier.atLeast(RiskLevel.HIGH) && lexicon.categories().isEmpty()) {
            fromClassifier = RiskLevel.MODERATE; // the model alone may ask, not escalate: see the class comment
        }
        if (fromClassifier != RiskLevel.NONE) {
            signals.add(String.format(Locale.ROOT, "classifier:%s:%.2f;p-crisis:%.2f",
                    classification.intent().label(), classification.confidence(), classification.crisisProbability()));
        }
        RiskLevel risk = RiskLevel.max(lexicon.risk(), fromClassifier);
        if (lexicon.onlyNegated() && risk.atLeast(RiskLevel.HIGH) && !lexicon.risk().atLeast(RiskLevel.HIGH)) {
            risk = RiskLevel.MODERATE;
        }
        return risk;
    }

    /**
     * A means named in a message the classifier cannot place ("what's the highest bridge in karachi", "how many
     * panadol would kill me"): the lexicon heard a way of dying, the model heard nothing it knows. Such a question
     * is answered on the crisis route, never as out of scope. (A message that also says the person wants to die or
     * to hurt themselves is a crisis in its own right and is not counted here; "how many pills", which the lexicon
     * files as a plan, is.)
     */
    private static boolean asksAboutMeans(DistressAssessment lexicon, Classification c, boolean lowConfidence) {
        boolean unplaced = lowConfidence || c.intent() == Intent.OUT_OF_SCOPE;
        return unplaced && lexicon.categories().contains(DistressCategory.MEANS)
                && lexicon.categories().stream().noneMatch(k -> k.isSelfHarmFamily() && k != DistressCategory.PLAN);
    }

    /** A failing classifier must not lose the person: degrade to "unsure", and the lexicon still sets risk. */
    private Classification classify(NormalisedText text) {
        try {
            return classifier.classify(text);
        } catch (RuntimeException e) {
            LOG.warn("intent classifier {} failed ({}); answering from the lexicon alone",
                    classifier.modelVersion(), e.getClass().getSimpleName());
            return new Classification(Intent.OUT_OF_SCOPE, 0.0, 0.0);
        }
    }

    private static RiskLevel classifierRisk(Classification c) {
        if (c.intent() == Intent.CRISIS && c.confidence() >= CRISIS_HIGH) {
            return RiskLevel.HIGH;
        }
        if (c.crisisProbability() >= CRISIS_MODERATE) {
            return RiskLevel.MODERATE; // even when depression won by a little: ask rather than miss
        }
        return c.intent() == Intent.CRISIS || c.intent() == Intent.DEPRESSION ? RiskLevel.LOW : RiskLevel.NONE;
    }

    /** The version of the intent model answering. */
    public String modelVersion() {
        return classifier.modelVersion();
    }
}
