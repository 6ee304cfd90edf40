package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Where a normalised message's clauses start (what keeps "no, i want to die" from reading as a negated wish): each
 * word that follows sentence punctuation, and no other, in Latin and in Arabic script, with or without a run of
 * spaced single letters ("s u i c i d e", joined into one word) before it; never past the last word.
 */
class ClauseStartProperties {

    private static final TextNormaliser NORMALISER = new TextNormaliser();

    @Property(tries = 500)
    void clauses_start_at_the_words_after_sentence_punctuation(@ForAll("words") List<String> words,
                                                              @ForAll("separators") List<String> separators,
                                                              @ForAll boolean spelledOut,
                                                              @ForAll boolean trailingStop) {
        StringBuilder raw = new StringBuilder(spelledOut ? "k m s " : "");
        Set<Integer> expected = new HashSet<>();
        int offset = spelledOut ? 1 : 0;                    // "k m s" is one word
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                String separator = separators.get(i % separators.size());
                raw.append(separator);
                if (!separator.isBlank()) {
                    expected.add(i + offset);
                }
            }
            raw.append(words.get(i));
        }
        if (trailingStop) {
            raw.append(".");
        }
        NormalisedText text = NORMALISER.normalise(raw.toString());

        assertThat(text.tokens()).hasSize(words.size() + offset);
        assertThat(text.clauseStarts()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<List<String>> words() {
        Arbitrary<String> latin = Arbitraries.of("no", "want", "die", "exam", "nahi", "yaar", "tonight", "pills");
        Arbitrary<String> arabic = Arbitraries.of("بدي", "انتحر", "الليلة", "نہیں", "مرنا", "ہے");
        return Arbitraries.oneOf(latin, arabic).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> separators() {
        return Arbitraries.of(" ", ", ", ". ", "? ", "! ", "\u060C ", "\u061F ", "\u06D4 ").list().ofMinSize(1)
                .ofMaxSize(4);
    }
}
