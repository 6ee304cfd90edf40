package org.saath.nlu;

import java.util.List;
import java.util.Set;

/**
 * A message after {@link TextNormaliser}: the tokens the classifier and the lexicon both see, the same tokens
 * joined by single spaces, and which tokens start a new clause (they follow sentence punctuation such as
 * {@code . , ! ? ، ؟}), so that a negation in one clause does not reach into the next ("no, i want to die").
 */
public record NormalisedText(String text, List<String> tokens, Set<Integer> clauseStarts) {

    public NormalisedText {
        tokens = List.copyOf(tokens);
        clauseStarts = Set.copyOf(clauseStarts);
    }

    public NormalisedText(String text, List<String> tokens) {
        this(text, tokens, Set.of());
    }

    /** Whether a clause starts at any token in {@code (from, to]}. */
    public boolean clauseBreakBetween(int from, int to) {
        for (int i = from + 1; i <= to; i++) {
            if (clauseStarts.contains(i)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
