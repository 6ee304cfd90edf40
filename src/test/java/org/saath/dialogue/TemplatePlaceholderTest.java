package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A placeholder with nothing to say goes with its space, wherever it stands; with words, the words stand in it. */
class TemplatePlaceholderTest {

    @Test
    void a_placeholder_with_nothing_to_say_leaves_no_double_or_trailing_space() {
        assertThat(Templates.put("Call 999. {silent} Are you safe?", Templates.SILENT, ""))
                .isEqualTo("Call 999. Are you safe?");
        assertThat(Templates.put("I can't send help myself. {silent}", Templates.SILENT, ""))
                .isEqualTo("I can't send help myself.");
        assertThat(Templates.put("Call 999. {silent} Are you safe?", Templates.SILENT, "Press 55."))
                .isEqualTo("Call 999. Press 55. Are you safe?");
    }
}
