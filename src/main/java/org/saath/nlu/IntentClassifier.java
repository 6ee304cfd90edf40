package org.saath.nlu;

/** Classifies a normalised message into one of the twelve intents. Implementations are thread-safe. */
public interface IntentClassifier {

    Classification classify(NormalisedText text);

    /** The version of the model answering, recorded with every stored turn. */
    String modelVersion();
}
