package org.saath.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** SMS rendering: GSM-7 kept where it can be, UCS-2 counted right, split into a few messages, numbers whole. */
class SmsTextTest {

    private static final List<String> NUMBERS = List.of("0311-7786264", "+92 311 7786264", "1166", "0800-39393",
            "+971 800 4673");

    @Test
    void segments_follow_gsm_7_and_ucs_2_limits() {
        assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsText.segments("€".repeat(80))).isEqualTo(1);    // extension characters count twice
        assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
        assertThat(SmsText.segments("ا".repeat(70))).isEqualTo(1);
        assertThat(SmsText.segments("ا".repeat(71))).isEqualTo(2);
        assertThat(SmsText.segments("ا".repeat(134))).isEqualTo(2);
        assertThat(SmsText.segments("ا".repeat(135))).isEqualTo(3);
    }

    @Test
    void a_bullet_or_curly_quote_does_not_turn_an_english_reply_into_ucs_2() {
        String reply = "These people can listen:\n• Umang: phone 0311-7786264 (open 24/7)\nYou’re not alone…";

        List<String> messages = SmsText.messages(reply);

        assertThat(messages).containsExactly("These people can listen:\n- Umang: phone 0311-7786264 (open 24/7)\n"
                + "You're not alone...");
        assertThat(SmsText.isGsm(messages.get(0))).isTrue();
    }

    @Test
    void urdu_stays_as_written_in_ucs_2() {
        String reply = "• امنگ: فون 0311-7786264 (24 گھنٹے کھلی)";

        assertThat(SmsText.messages(reply)).containsExactly(reply);
    }

    @Property(tries = 200)
    void a_long_reply_is_a_few_messages_of_at_most_four_segments_nothing_lost_and_every_number_whole(
            @ForAll("replies") String reply) {
        List<String> messages = SmsText.messages(reply);
        String sms = SmsText.gsmWherePossible(reply);

        assertThat(messages).hasSizeLessThanOrEqualTo(SmsText.MAX_MESSAGES);
        assertThat(messages).allSatisfy(m -> assertThat(SmsText.segments(m)).isLessThanOrEqualTo(4));
        assertThat(String.join("", messages).replaceAll("\\s", "")).isEqualTo(sms.replaceAll("\\s", ""));
        for (String number : NUMBERS) {
            assertThat(messages.stream().mapToInt(m -> occurrences(m, number)).sum()).as(number)
                    .isEqualTo(occurrences(sms, number));
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> latinWord = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> urduWord = Arbitraries.strings().withCharRange('\u0627', '\u06cc').ofMinLength(1)
                .ofMaxLength(8);
        Arbitrary<String> number = Arbitraries.of(NUMBERS);
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, latinWord), net.jqwik.api.Tuple.of(3, urduWord),
                net.jqwik.api.Tuple.of(1, number), net.jqwik.api.Tuple.of(1, Arbitraries.of("•", ".", "\n", "؟")));
        return Combinators.combine(Arbitraries.of(true, false), token.list().ofMinSize(1).ofMaxSize(80))
                .as((urdu, tokens) -> String.join(" ", urdu ? tokens : tokens.stream()
                        .filter(t -> t.chars().allMatch(c -> c < 0x600)).toList()));
    }
}
