package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.saath.nlu.Language;

/**
 * {@link RtlText} finds left-to-right runs with a hand-written scan; on any line it must isolate exactly the runs the
 * regular expression that describes them would find (kept here as the reference), brackets balanced as before.
 */
class RtlTextProperties {

    /** A run: a Latin letter, digit or "+", then name and number punctuation, ending in a letter, digit or ")". */
    private static final Pattern REFERENCE = Pattern.compile(
            "[A-Za-z0-9+](?:[A-Za-z0-9 .,:/@&'+_()\\-]*[A-Za-z0-9)])?");

    @Property(tries = 2000)
    void the_scan_isolates_the_runs_the_reference_expression_finds(@ForAll("mixedLines") String line) {
        String shown = RtlText.display(line, Language.UR);

        assertThat(shown).isEqualTo(line.isEmpty() ? "" : RtlText.RLM + reference(line));
        assertThat(RtlText.plain(shown)).isEqualTo(line);
    }

    /** Urdu and Arabic letters mixed with Latin names, digits, brackets and the punctuation a run may hold. */
    @Provide
    Arbitrary<String> mixedLines() {
        return Arbitraries.strings()
                .withChars("aZq09+ .,:/@&'+_()-")
                .withChars("فونگھنٹےکھلیاتصل")
                .withChars('!', '؟', '\t')
                .ofMaxLength(40);
    }

    /** The isolation the regular expression gives, with {@link RtlText}'s own bracket rule. */
    private static String reference(String line) {
        Matcher m = REFERENCE.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (last < line.length() && m.find(last)) {
            int end = RtlText.balancedEnd(line, m.start(), m.end());
            out.append(line, last, m.start()).append(RtlText.LRI).append(line, m.start(), end).append(RtlText.PDI);
            last = end;
        }
        return out.append(line.substring(last)).toString();
    }
}
