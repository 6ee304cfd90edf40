package org.saath.nlu;

import java.util.List;

/**
 * A message after {@link TextNormaliser}: the tokens the classifier and the lexicon both see, and the same
 * tokens joined by single spaces.
 */
public record NormalisedText(String text, List<String> tokens) {

    public NormalisedText {
        tokens = List.copyOf(tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
