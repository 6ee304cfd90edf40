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
 * classifier can add to it ({@code crisis} with confidence ≥ {@value #CRISIS_HIGH} is {@code high}, ≥
 * {@value #CRISIS_MODERATE} {@code moderate}). When every distress phrase was negated ("I'm not suicidal"), the
 * classifier cannot push the message above {@code moderate}, but nothing lowers it below {@code low}.
 */
public final class Analyser {

    private static final Logger LOG = LoggerFactory.getLogger(Analyser.class);

    static final double CRISIS_HIGH = 0.7;
    static final double CRISIS_MODERATE = 0.25;

    private final TextNormaliser normaliser;
    private final LanguageDetector languages;
    private final IntentClassifier classifier;
    private final DistressDetector distress;
    private final double minConfidence;

    public Analyser(TextNormaliser normaliser, LanguageDetector languages, IntentClassifier classifier,
                    DistressDetector distress, double minConfidence) {
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
        RiskLevel fromClassifier = classifierRisk(classification);
        if (fromClassifier != RiskLevel.NONE) {
            signals.add(String.format(Locale.ROOT, "classifier:%s:%.2f", classification.intent().label(),
                    classification.confidence()));
        }
        RiskLevel risk = RiskLevel.max(lexicon.risk(), fromClassifier);
        if (lexicon.onlyNegated() && risk.atLeast(RiskLevel.HIGH) && !lexicon.risk().atLeast(RiskLevel.HIGH)) {
            risk = RiskLevel.MODERATE;
        }
        boolean lowConfidence = classification.confidence() < minConfidence;
        Intent intent = lowConfidence ? Intent.OUT_OF_SCOPE : classification.intent();
        if (risk.atLeast(RiskLevel.HIGH) && intent != Intent.CRISIS) {
            signals.add("risk-overrides-intent:" + intent.label());
            intent = Intent.CRISIS;
        }
        return new Analysis(language, intent, classification.confidence(), lowConfidence, risk,
                lexicon.thirdPerson(), lexicon.requestsHuman(), signals, classifier.modelVersion());
    }

    /** A failing classifier must not lose the person: degrade to "unsure", and the lexicon still sets risk. */
    private Classification classify(NormalisedText text) {
        try {
            return classifier.classify(text);
        } catch (RuntimeException e) {
            LOG.warn("intent classifier {} failed ({}); answering from the lexicon alone",
                    classifier.modelVersion(), e.getClass().getSimpleName());
            return new Classification(Intent.OUT_OF_SCOPE, 0.0);
        }
    }

    private static RiskLevel classifierRisk(Classification c) {
        if (c.intent() == Intent.CRISIS) {
            return c.confidence() >= CRISIS_HIGH ? RiskLevel.HIGH
                    : c.confidence() >= CRISIS_MODERATE ? RiskLevel.MODERATE : RiskLevel.LOW;
        }
        return c.intent() == Intent.DEPRESSION ? RiskLevel.LOW : RiskLevel.NONE;
    }

    /** The version of the intent model answering. */
    public String modelVersion() {
        return classifier.modelVersion();
    }
}
