package org.saath.nlu;

import java.util.List;
import java.util.Set;

/**
 * A message after {@link TextNormaliser}: the tokens the classifier and the lexicon both see, the same tokens
 * joined by single spaces, and which tokens start a new clause (they follow sentence punctuation such as
 * {@code . , ! ? ، ؟}), so that a negation in one clause does not reach into the next ("no, i want to die").
 *
 * <p>{@code pairedTokens} are the same tokens with every drawn-out letter kept twice instead of once
 * ({@code killll} is {@code kil} in {@code tokens} and {@code kill} here, {@code dieeee} {@code die} and
 * {@code diee}): a run of letters does not say whether the word has one or two. The lexicon reads both; the list is
 * {@code tokens} itself when nothing was drawn out.
 *
 * <p>{@code quotations} are the spans the writer put in quotation marks ({@code "…"}, {@code “…”}, {@code «…»},
 * {@code '…'}), by token: the marks themselves are gone from the tokens, and what is quoted may hold clauses of its
 * own ("my friend texted me 'sorry, this is my last message'").
 */
public record NormalisedText(String text, List<String> tokens, Set<Integer> clauseStarts, List<String> pairedTokens,
                             List<Quotation> quotations) {

    /** Tokens {@code from} (inclusive) to {@code to} (exclusive) stand between quotation marks. */
    public record Quotation(int from, int to) {
    }

    public NormalisedText {
        boolean unpaired = pairedTokens == null || pairedTokens == tokens;
        tokens = List.copyOf(tokens);
        clauseStarts = Set.copyOf(clauseStarts);
        pairedTokens = unpaired ? tokens : List.copyOf(pairedTokens);
        quotations = quotations == null ? List.of() : List.copyOf(quotations);
        if (pairedTokens.size() != tokens.size()) {
            throw new IllegalArgumentException("paired tokens must match the tokens one for one");
        }
    }

    public NormalisedText(String text, List<String> tokens, Set<Integer> clauseStarts, List<String> pairedTokens) {
        this(text, tokens, clauseStarts, pairedTokens, List.of());
    }

    public NormalisedText(String text, List<String> tokens, Set<Integer> clauseStarts) {
        this(text, tokens, clauseStarts, null);
    }

    public NormalisedText(String text, List<String> tokens) {
        this(text, tokens, Set.of());
    }

    /** Whether some letter was drawn out ({@code pairedTokens} differs from {@code tokens}). */
    public boolean hasDrawnOutLetters() {
        return pairedTokens != tokens;
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
