package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TextNormaliserTest {

    private final TextNormaliser normaliser = new TextNormaliser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I want to DIIIIE|i want to die",
        "k1ll mys3lf|kill myself",
        "s u i c i d e|suicide",
        "s.u.i.c.i.d.e now|suicide now",
        "plzzzz help|plz help",
        "I don't want to live|i dont want to live",
        "ｆｕｌｌ width|full width",
        "800mg tonight|800mg tonight",
        "call 0300-1234567|call 0300 1234567",
        "i'm fine...|im fine",
        "my friends’ advice|my friends advice",
        "rock’n’roll ’til late|rocknroll til late"
    })
    void latin_text_is_folded(String in, String expected) {
        assertThat(normaliser.normalise(in).text()).isEqualTo(expected);
    }

    @Test
    void arabic_and_urdu_letter_variants_fold_to_one_form() {
        // Urdu keyboard forms (ی ک ہ) and Arabic forms (ي ك ه) give the same tokens
        assertThat(normaliser.normalise("مجھے کیا ہوا").text()).isEqualTo(normaliser.normalise("مجهے كيا هوا").text());
        assertThat(normaliser.normalise("أنا حزينة").text()).isEqualTo("انا حزينه");
        assertThat(normaliser.normalise("تعبااااان").text()).isEqualTo("تعبان");
        assertThat(normaliser.normalise("الـــــلــه").text()).isEqualTo("الله");
        assertThat(normaliser.normalise("مُحَمَّد").text()).isEqualTo("محمد");
        // the Maghrebi "g" and "v" as the same words written with ق and ف
        assertThat(normaliser.normalise("كليت الدوا ڨاع").text()).isEqualTo("كليت الدوا قاع");
        assertThat(normaliser.normalise("ڤيديو").text()).isEqualTo("فيديو");
    }

    @Test
    void eastern_digits_become_ascii_and_emoji_are_their_own_tokens() {
        assertThat(normaliser.normalise("٢٠ حبة💊💊").tokens()).containsExactly("20", "حبه", "💊", "💊");
        assertThat(normaliser.normalise("۸۰۰mg").text()).isEqualTo("800mg");
    }

    @Test
    void a_drawn_out_letter_is_also_read_twice() {
        NormalisedText text = normaliser.normalise("I want to KILLLL myself, sooo tired, tooook pillls");
        assertThat(text.text()).isEqualTo("i want to kil myself so tired tok pils");
        assertThat(text.pairedTokens()).containsExactly("i", "want", "to", "kill", "myself", "soo", "tired", "took",
                "pills");
        assertThat(text.hasDrawnOutLetters()).isTrue();
        assertThat(text.clauseStarts()).containsExactlyInAnyOrder(5, 7);
        assertThat(normaliser.normalise("قرررت").pairedTokens()).containsExactly("قررت");
    }

    @Test
    void without_drawn_out_letters_there_is_one_reading() {
        NormalisedText text = normaliser.normalise("i will see you tomorrow, all good");
        assertThat(text.hasDrawnOutLetters()).isFalse();
        assertThat(text.pairedTokens()).isSameAs(text.tokens());
        // three single letters joined in one reading only ("a b cccc"): the second reading is dropped, never misaligned
        NormalisedText joined = normaliser.normalise("a b cccc d");
        assertThat(joined.tokens()).containsExactly("abcd");
        assertThat(joined.pairedTokens()).isSameAs(joined.tokens());
    }

    @Test
    void empty_or_symbol_only_text_has_no_tokens() {
        assertThat(normaliser.normalise("   ...  ").isEmpty()).isTrue();
        assertThat(normaliser.normalise("").tokens()).isEmpty();
    }

    static Stream<Arguments> quoted() {
        return Stream.of(   // text, the quoted tokens space-joined, one quotation after another
                Arguments.of("my friend texted me 'sorry, this is my last message' and left",
                        "sorry this is my last message"),
                Arguments.of("he wrote: \"bye everyone\", then nothing", "bye everyone"),
                Arguments.of("ammi ne kaha \u201Csab theek ho jayega\u201D", "sab theek ho jayega"),
                Arguments.of("رفيقي كتبلي «سامحني، هاي آخر رسالة»", "سامحني هاي اخر رساله"),
                Arguments.of("she posted 'goodbye", "goodbye"),
                Arguments.of("i'm fine, don't worry, it's my friends' party", ""),
                Arguments.of("'a b c d' is what he typed, then 'k m s'", "abcd;kms"));
    }

    @ParameterizedTest
    @MethodSource("quoted")
    void quotation_marks_leave_the_spans_they_enclose(String in, String quoted) {
        NormalisedText text = normaliser.normalise(in);
        String found = String.join(";", text.quotations().stream()
                .map(q -> String.join(" ", text.tokens().subList(q.from(), q.to()))).toList());
        assertThat(found).isEqualTo(quoted);
    }
}
