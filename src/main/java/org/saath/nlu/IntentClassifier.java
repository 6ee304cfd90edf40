package org.saath.nlu;

/** Classifies a normalised message into one of the twelve intents. Implementations are thread-safe. */
public interface IntentClassifier {

    Classification classify(NormalisedText text);

    /** The same, for a message whose features other models may read too (written once for all of them). */
    default Classification classify(MessageFeatures message) {
        return classify(message.text());
    }

    /** The version of the model answering, recorded with every stored turn. */
    String modelVersion();
}
