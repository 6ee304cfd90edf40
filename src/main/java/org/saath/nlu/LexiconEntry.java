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

    /** Whether this phrase starts at {@code start} in {@code text}, its first word read as {@code first}. */
    boolean matchesAt(List<String> text, int start, String first) {
        if (start + tokens.size() > text.size() || !tokenMatches(tokens.get(0), first)) {
            return false;
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (!tokenMatches(tokens.get(i), text.get(start + i))) {
                return false;
            }
        }
        return true;
    }

    static boolean tokenMatches(String pattern, String token) {
        int stem = pattern.length() - 1;
        if (stem >= 0 && pattern.charAt(stem) == '*') {
            return token.length() >= stem && token.regionMatches(0, pattern, 0, stem);
        }
        return pattern.equals(token);
    }
}
