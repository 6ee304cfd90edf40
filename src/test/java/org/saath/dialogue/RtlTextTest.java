package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Bidi;

import org.junit.jupiter.api.Test;
import org.saath.nlu.Language;

/**
 * Urdu and Arabic lines that hold numbers and Latin names display in order: each line is laid out right to left
 * (a line starting "- Umang" would otherwise be taken as left to right), and each number or name is isolated so its
 * characters keep their order. Checked with the Unicode bidirectional algorithm as Java implements it.
 */
class RtlTextTest {

    private static final String LINE = "- Umang: فون 0311-7786264 (24 گھنٹے کھلی)";

    @Test
    void a_right_to_left_line_starts_with_a_right_to_left_mark_and_isolates_its_numbers_and_names() {
        String shown = RtlText.display(LINE, Language.UR);

        assertThat(shown)
                .isEqualTo("\u200F- \u2066Umang\u2069: فون \u20660311-7786264\u2069 (\u206624\u2069 گھنٹے کھلی)");
        assertThat(RtlText.plain(shown)).isEqualTo(LINE);
    }

    @Test
    void a_bracket_belongs_to_the_run_only_when_the_run_opens_and_closes_it() {
        assertThat(RtlText.display("- Humraaz helpline (federal government, with WHO): فون 1166", Language.UR))
                .contains("\u2066Humraaz helpline (federal government, with WHO)\u2069")
                .contains("\u20661166\u2069");
        assertThat(RtlText.display("اتصل على 122 (الشرطة) أو 123 (الإسعاف)", Language.AR))
                .isEqualTo("\u200Fاتصل على \u2066122\u2069 (الشرطة) أو \u2066123\u2069 (الإسعاف)");
    }

    @Test
    void every_line_of_a_message_is_marked_and_left_to_right_languages_are_untouched() {
        assertThat(RtlText.display("ابھی کال کریں:\n- 15", Language.UR))
                .isEqualTo("\u200Fابھی کال کریں:\n\u200F- \u206615\u2069");
        assertThat(RtlText.display(LINE, Language.EN)).isEqualTo(LINE);
        assertThat(RtlText.display("Abhi call karein:\n- Umang: phone 0311-7786264", Language.ROMAN_UR))
                .doesNotContain("\u200F", "\u2066");
    }

    /** Without the marks the line is laid out left to right; with them right to left, the number still in order. */
    @Test
    void the_bidirectional_algorithm_lays_the_marked_line_out_right_to_left_with_the_number_in_order() {
        assertThat(new Bidi(LINE, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()).isTrue();

        String shown = RtlText.display(LINE, Language.UR);
        Bidi bidi = new Bidi(shown, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);

        assertThat(bidi.baseIsLeftToRight()).isFalse();
        String visual = visual(shown, bidi);
        assertThat(visual).contains("0311-7786264", "Umang");
        assertThat(visual.indexOf("Umang")).as("the name is at the right, where the line starts")
                .isGreaterThan(visual.indexOf("0311-7786264"));
    }

    /** The characters in the order a screen shows them, left to right. */
    private static String visual(String text, Bidi bidi) {
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        String[] parts = new String[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String part = text.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            parts[i] = levels[i] % 2 == 1 ? new StringBuilder(part).reverse().toString() : part;
        }
        Bidi.reorderVisually(levels, 0, parts, 0, runs);
        return RtlText.plain(String.join("", parts));
    }
}
