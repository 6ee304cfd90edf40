package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Features spelled in place ({@link FeatureSpec#write}) are exactly the strings the definition gives: words, then
 * {@code a_b} bigrams, then for each word every n-gram of {@code <word>} prefixed {@code #}, shortest first. Checked
 * against that definition written the plain way, on words of any length (one letter, Arabic script, a surrogate
 * pair) and any n-gram range.
 */
class FeatureWritingProperties {

    @Property(tries = 400)
    void written_features_are_the_definitions_strings(@ForAll("tokens") List<String> tokens,
                                                       @ForAll boolean bigrams,
                                                       @ForAll @IntRange(min = 0, max = 6) int charMin,
                                                       @ForAll @IntRange(min = 0, max = 3) int extra) {
        FeatureSpec spec = charMin == 0 ? new FeatureSpec(bigrams, 0, 0)
                : new FeatureSpec(bigrams, charMin, charMin + extra);
        NormalisedText text = new NormalisedText(String.join(" ", tokens), tokens);
        assertThat(spec.features(text)).containsExactlyElementsOf(byDefinition(spec, tokens));
    }

    private static List<String> byDefinition(FeatureSpec spec, List<String> tokens) {
        List<String> out = new ArrayList<>(tokens);
        if (spec.wordBigrams()) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                out.add(tokens.get(i) + "_" + tokens.get(i + 1));
            }
        }
        for (String token : spec.charMin() == 0 ? List.<String>of() : tokens) {
            String word = "<" + token + ">";
            for (int n = spec.charMin(); n <= spec.charMax(); n++) {
                for (int i = 0; i + n <= word.length(); i++) {
                    out.add("#" + word.substring(i, i + n));
                }
            }
        }
        return out.isEmpty() ? List.of("<empty>") : out;
    }

    @Provide
    Arbitrary<List<String>> tokens() {
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> arabic = Arbitraries.strings().withCharRange('\u0621', '\u064A').ofMinLength(1)
                .ofMaxLength(9);
        Arbitrary<String> odd = Arbitraries.of("a", "\uD83D\uDE22", "x\uD83D\uDE22y", "nahi", "ہے", "99");
        return Arbitraries.oneOf(latin, arabic, odd).list().ofMaxSize(8);
    }
}
