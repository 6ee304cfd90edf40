package org.saath.nlu;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * How a message and its context become the feature tokens of the risk model: the message's own features
 * ({@link FeatureSpec}: words, bigrams, character n-grams), optionally the words of the previous messages prefixed
 * {@code p:}, and optionally the distress lexicon's categories ({@code lc:means} in the message, {@code pc:ideation}
 * in the context; {@code lc:none} when the lexicon found nothing) and its cues ({@code lc:topic}, {@code lc:idiom},
 * {@code lc:negation}, {@code lc:third_person}), so that a topic mention can weigh against the word "suicide". A
 * message of at most {@value #SHORT_TOKENS} tokens also gets {@code short}, and its context categories again as
 * {@code s:pc:…}, so that the model can learn that a short follow-up leans on what came before; a message without
 * context gets {@code p:none} (or {@code s:p:none} when short), so that it can learn as well that "ok" on its own is
 * nothing. Each feature counts once per message: a long post would otherwise weigh hundreds of times more than a
 * short one.
 *
 * @param text              the message's own features
 * @param contextWords      whether to add the previous messages' words
 * @param lexiconCategories whether to add the lexicon's categories
 * @param contextWordsShort whether the previous messages' words are added only to a short message: a longer one
 *                          stands on its own words ("can i talk to a person please" after "i want to die" is a
 *                          request, not a second wish), while the context's lexicon categories count either way
 */
public record RiskFeatures(FeatureSpec text, boolean contextWords, boolean lexiconCategories,
                           boolean contextWordsShort) {

    public static final int SHORT_TOKENS = 5;

    /** The spec the committed risk model was trained with; see models/risk.card.json for why. */
    public static final RiskFeatures DEFAULT = new RiskFeatures(FeatureSpec.DEFAULT, true, true, true);

    /** The features, each once, in the order {@link #write} writes them first. */
    public String[] features(Utterance message, List<Utterance> context) {
        return FeatureSink.collect(sink -> write(message, context, sink), new LinkedHashSet<String>())
                .toArray(String[]::new);
    }

    /**
     * Writes the features to {@code sink}, some more than once (a word said twice, a character n-gram two words share); the
     * reader counts each once, at its first place, as {@link #features} keeps it.
     */
    public void write(Utterance message, List<Utterance> context, FeatureSink sink) {
        text.write(message.text(), sink);
        writeBeyondText(message, context, sink);
    }

    /** What {@link #write} writes after the message's own text features ({@link #text}). */
    void writeBeyondText(Utterance message, List<Utterance> context, FeatureSink sink) {
        boolean isShort = message.text().tokens().size() <= SHORT_TOKENS;
        if (isShort) {
            sink.feature("short");
        }
        if (contextWords) {
            if (context.isEmpty()) {
                sink.feature(isShort ? "s:p:none" : "p:none");
            }
            if (isShort || !contextWordsShort) {
                for (Utterance previous : context) {
                    for (String token : previous.text().tokens()) {
                        sink.begin().append("p:").append(token).end();
                    }
                }
            }
        }
        if (lexiconCategories) {
            for (DistressCategory c : message.lexicon().learned()) {
                sink.begin().append("lc:").append(c.code()).end();
            }
            for (DistressCategory c : message.lexicon().cues()) {
                sink.begin().append("lc:").append(c.code()).end();
            }
            if (message.lexicon().learned().isEmpty()) {
                sink.feature("lc:none");
            }
            for (Utterance previous : context) {
                for (DistressCategory c : previous.lexicon().learned()) {
                    sink.begin().append("pc:").append(c.code()).end();
                    if (isShort) {
                        sink.begin().append("s:pc:").append(c.code()).end();
                    }
                }
            }
        }
    }

    public String describe() {
        String words = contextWords ? contextWordsShort ? "+context-words-if-short" : "+context-words" : "";
        return text.describe() + words + (lexiconCategories ? "+lexicon" : "");
    }
}
