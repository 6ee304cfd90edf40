package org.saath.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Phone numbers typed in many ways, in Pakistani and Gulf formats, never survive redaction. */
class PhoneRedactionProperties {

    private final Redactor redactor = new Redactor();

    /** A number with its digits, and the way a person typed it. */
    record Typed(String digits, String typed) {
    }

    @Property(tries = 500)
    void no_typed_phone_number_survives(@ForAll("numbers") Typed number, @ForAll("words") String before,
                                        @ForAll("words") String after) {
        String out = redactor.redact(before + " " + number.typed() + " " + after);

        String digitsLeft = out.replaceAll("\\D", "");
        assertThat(digitsLeft).doesNotContain(number.digits().substring(number.digits().length() - 7));
        assertThat(out).contains("[PHONE]");
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.of("call me on", "mera number", "whatsapp karo", "رابطہ کریں", "اتصل على", "", "pls",
                "his number is", "number:");
    }

    @Provide
    Arbitrary<Typed> numbers() {
        Arbitrary<String> subscriber = Arbitraries.strings().numeric().ofLength(7);
        Arbitrary<String> pk = Combinators.combine(Arbitraries.of("300", "301", "312", "321", "333", "345"),
                subscriber).as((op, sub) -> op + sub);
        Arbitrary<String> gulf = Combinators.combine(Arbitraries.of("50", "52", "55", "56"), subscriber)
                .as((op, sub) -> op + sub);
        Arbitrary<Typed> pakistani = Combinators.combine(pk, Arbitraries.of("+92", "0092", "92", "0", "+92 "),
                separators(), Arbitraries.of(false, true)).as((n, prefix, sep, eastern) ->
                typed(n, prefix + n.substring(0, 3) + sep + n.substring(3, 6) + sep + n.substring(6), eastern));
        Arbitrary<Typed> emirati = Combinators.combine(gulf, Arbitraries.of("+971", "00971", "971", "0"),
                separators(), Arbitraries.of(false, true)).as((n, prefix, sep, eastern) ->
                typed(n, prefix + sep + n.substring(0, 2) + sep + n.substring(2, 5) + sep + n.substring(5), eastern));
        return Arbitraries.oneOf(pakistani, emirati);
    }

    private static Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "-", ".", " - ");
    }

    private static Typed typed(String digits, String typed, boolean eastern) {
        if (!eastern) {
            return new Typed(digits, typed);
        }
        StringBuilder out = new StringBuilder();
        typed.chars().forEach(c -> out.append(Character.isDigit(c) ? (char) ('\u06F0' + (c - '0')) : (char) c));
        return new Typed(digits, out.toString());
    }
}
