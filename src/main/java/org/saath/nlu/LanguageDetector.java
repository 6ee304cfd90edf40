package org.saath.nlu;

/** Tells which of Saath's languages a message is written in. Implementations are thread-safe. */
public interface LanguageDetector {

    /** The language of {@code raw}; {@code normalised} is the same message after {@link TextNormaliser}. */
    Language detect(String raw, NormalisedText normalised);
}
