package org.saath.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Numbers typed in any script's decimal digits (every Unicode Nd block: Arabic-Indic, Eastern Arabic-Indic,
 * Devanagari, fullwidth, …), with the direction marks right-to-left keyboards add, never survive redaction; and no
 * run of seven digits survives it, whatever surrounds it.
 */
class DigitScriptRedactionProperties {

    /** The zero of every decimal digit block in Unicode; each block's digits are zero + 0…9. */
    private static final List<Integer> ZEROS = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
            .filter(cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER && Character.digit(cp, 10) == 0)
            .boxed().toList();

    private final Redactor redactor = new Redactor();

    @Property(tries = 400)
    void a_phone_number_in_any_script_s_digits_is_removed(@ForAll("zeros") int zero, @ForAll("phones") String ascii,
                                                          @ForAll("words") String before,
                                                          @ForAll("words") String after) {
        String out = redactor.redact(before + " " + inScript(ascii, zero) + " " + after);

        assertThat(out).contains("[PHONE]").doesNotContainPattern("[0-9]{3}");
        assertThat(NumberRuns.normalise(out)).doesNotContainPattern("[0-9]{3}");
    }

    @Property(tries = 200)
    void a_cnic_in_any_script_s_digits_is_removed(@ForAll("zeros") int zero, @ForAll("cnics") String ascii) {
        String out = redactor.redact("my cnic " + inScript(ascii, zero));

        assertThat(out).isEqualTo("my cnic [CNIC]");
    }

    @Property(tries = 300)
    void no_run_of_seven_digits_survives_in_any_text(@ForAll("texts") String text) {
        String out = redactor.redact(text);

        assertThat(out).doesNotContainPattern("[0-9]{7}");
        assertThat(NumberRuns.normalise(out)).isEqualTo(out);
    }

    @Provide
    Arbitrary<Integer> zeros() {
        return Arbitraries.of(ZEROS).edgeCases(c -> c.includeOnly(0x0660, 0x06F0, 0x0966, 0xFF10));
    }

    /** Pakistani and Gulf numbers as typed: prefixes, separators, and invisible direction marks between groups. */
    @Provide
    Arbitrary<String> phones() {
        Arbitrary<String> sep = Arbitraries.of("", " ", "-", ".", " - ", "\u200F", "\u200E ", "\u200B", "\u00A0");
        Arbitrary<String> subscriber = Arbitraries.strings().numeric().ofLength(7);
        return Combinators.combine(Arbitraries.of("0300", "0321", "+92 345", "0092 333", "+971 50",
                "050", "(042)"), subscriber, sep).as((prefix, sub, s) -> prefix + s + sub.substring(0, 3) + s
                + sub.substring(3));
    }

    @Provide
    Arbitrary<String> cnics() {
        return Combinators.combine(Arbitraries.strings().numeric().ofLength(5),
                Arbitraries.strings().numeric().ofLength(7), Arbitraries.strings().numeric().ofLength(1),
                Arbitraries.of("-", "", " ")).as((a, b, c, s) -> a + s + b + s + c);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.of("call me on", "mera number", "رابطہ کریں", "اتصل على", "मेरा नंबर", "", "number:");
    }

    @Provide
    Arbitrary<String> texts() {
        char[] alphabet = ("0123456789\u0660\u0665\u06F0\u06F7\u0966\u096F\uFF10\uFF19 -.()/+\u2013\u200F\u200B"
                + "a@x.pk h house gali www. http://").toCharArray();
        return Arbitraries.oneOf(Arbitraries.strings().withChars(alphabet).ofMaxLength(300),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("0123456789 ").ofMinLength(7).ofMaxLength(3000));
    }

    private static String inScript(String ascii, int zero) {
        StringBuilder out = new StringBuilder();
        ascii.codePoints().forEach(c -> out.appendCodePoint(c >= '0' && c <= '9' ? zero + c - '0' : c));
        return out.toString();
    }
}
