package org.saath.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GSM 03.38 / 3GPP TS 23.038: 160 or 153 GSM-7 characters a segment, 70 or 67 UTF-16 units once any is not GSM-7. */
class SmsSegmentsTest {

    @Test
    void gsm_7_text_takes_160_characters_alone_and_153_a_segment_when_split() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void extension_characters_count_twice() {
        assertThat(SmsSegments.of("[".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.of("[".repeat(81))).isEqualTo(2);
    }

    /** The finding that started it: one "•" turned a 4-segment English crisis reply into 9. */
    @Test
    void one_bullet_makes_the_whole_text_ucs_2() {
        String reply = "Please call now:\n- Umang: phone 0311-7786264 (open 24/7)\n" + "x".repeat(300);

        assertThat(SmsSegments.isGsm7(reply)).isTrue();
        assertThat(SmsSegments.of(reply)).isEqualTo(3);
        assertThat(SmsSegments.isGsm7(reply.replace("- Umang", "• Umang"))).isFalse();
        assertThat(SmsSegments.firstNonGsm7(reply.replace("- Umang", "• Umang"))).isEqualTo(17);
        assertThat(SmsSegments.of(reply.replace("- Umang", "• Umang"))).isEqualTo(6);
    }

    @Test
    void urdu_and_arabic_take_70_units_alone_and_67_a_segment_when_split() {
        assertThat(SmsSegments.of("ا".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.of("ا".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.of("ا".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.of("ا".repeat(135))).isEqualTo(3);
    }
}
