package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.helpline.HelplineDirectory;
import org.saath.helpline.HelplineDirectoryLoader;
import org.saath.helpline.HelplineOffer;
import org.saath.nlu.Language;

/** How a line and the emergency numbers read in the person's language. */
class ReplyRendererTest {

    private static final ReplyRenderer RENDERER = new ReplyRenderer(Templates.loadFromClasspath());
    private static final HelplineDirectory SHIPPED = Components.helplines();

    /** English helpline names inside Urdu and Arabic replies (issue 10): a cited local name is used where known. */
    @Test
    void a_line_is_named_in_the_person_s_language_where_the_directory_has_that_name() {
        HelplineDirectory directory = HelplineDirectoryLoader.load(new ByteArrayInputStream("""
                helplines:
                  - id: test-line
                    name: Test Line
                    names: {ur: "ٹیسٹ لائن", ar: "خط الاختبار"}
                    country: PK
                    topics: [crisis]
                    languages: [ur]
                    source: https://example.org
                    last-verified: 2026-12-02
                    verified: true
                    contacts: [{type: phone, value: "0000", hours: always}]
                """.getBytes(StandardCharsets.UTF_8)), "test.yaml");
        List<HelplineOffer> offers = List.of(HelplineOffer.at(directory.byId("test-line").orElseThrow(),
                TestComponents.PK_NIGHT));

        assertThat(RENDERER.lines(null, offers, Language.UR)).isEqualTo("- ٹیسٹ لائن: فون 0000 (24 گھنٹے کھلی)");
        assertThat(RENDERER.lines(null, offers, Language.AR)).startsWith("- خط الاختبار:");
        assertThat(RENDERER.lines(null, offers, Language.ROMAN_UR)).startsWith("- Test Line:");
    }

    @Test
    void emergency_numbers_are_named_by_what_they_are_for_in_the_person_s_language() {
        List<HelplineOffer> pk = SHIPPED.emergency("PK", TestComponents.PK_NIGHT);

        assertThat(RENDERER.emergencyPhrase(pk, true, Language.EN)).isEqualTo("15 (police) or 1122 (ambulance, across Punjab, in some districts elsewhere)");
        assertThat(RENDERER.emergencyPhrase(pk, true, Language.UR)).isEqualTo("15 (پولیس) یا 1122 (ایمبولینس، پورے پنجاب میں، دوسری جگہوں پر بعض اضلاع میں)");
        assertThat(RENDERER.lines(null, pk, Language.AR)).startsWith("- الشرطة: هاتف 15");
    }

    @Test
    void an_unconfirmed_emergency_number_says_so_and_an_unknown_country_gets_its_local_number_and_112() {
        Instant now = TestComponents.PK_NIGHT;

        assertThat(RENDERER.emergencyPhrase(SHIPPED.emergency("MA", now), true, Language.EN))
                .isEqualTo("19 (police, not confirmed) or 15 (ambulance, not confirmed)");
        assertThat(RENDERER.emergencyPhrase(SHIPPED.international(java.util.Set.of("emergency"), now), false,
                Language.EN)).isEqualTo("your local emergency number (from a mobile phone, 112 may also work)");
    }
}
