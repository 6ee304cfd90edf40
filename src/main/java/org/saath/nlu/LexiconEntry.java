package org.saath.nlu;

import java.util.List;

/**
 * One phrase of the distress lexicon, already normalised into tokens. A token ending in {@code *} matches any token
 * that starts with the rest of it.
 */
public record LexiconEntry(String phrase, List<String> tokens, Language language, RiskLevel severity,
                           DistressCategory category) {

    public LexiconEntry {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("lexicon phrase '" + phrase + "' has no words after normalisation");
        }
    }
}
