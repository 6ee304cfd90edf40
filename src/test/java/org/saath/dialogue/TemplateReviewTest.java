package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.saath.channel.SmsSegments;
import org.saath.nlu.Gender;
import org.saath.nlu.Language;

/**
 * Every reply read the way a clinician and a native speaker would, as data ({@code lang/<code>/review.yaml}): no
 * template, word or guide in any language names a method, a means, a dose or lethality; a neutral text addresses
 * nobody as a man or a woman; a gendered form holds no form of the other gender; a text about someone else speaks of
 * them as the person did. The same review runs at start, so a template that breaks it never ships.
 */
class TemplateReviewTest {

    private static final Templates TEMPLATES = Templates.loadFromClasspath();
    private static final Guides GUIDES = Guides.loadFromClasspath();

    @Test
    void every_template_word_and_guide_in_every_language_passes_the_review() {
        for (Language language : Language.supported()) {
            TemplateReview review = TemplateReview.loadFromClasspath(language);
            List<TemplateReview.Finding> findings = new ArrayList<>(review.findings(language.code(),
                    TEMPLATES.file(language)));
            GUIDES.texts(language).forEach(text -> findings.addAll(review.neutral(language.code() + " guide", text)));
            assertThat(findings).as(language.code()).isEmpty();
        }
    }

    @Test
    void a_word_is_said_in_the_form_for_the_person_s_gender_where_the_language_has_one() {
        String feminine = TEMPLATES.word("first-aid", Language.AR, Gender.FEMININE);
        assertThat(feminine).contains("كنتِ").isNotEqualTo(TEMPLATES.word("first-aid", Language.AR));
        assertThat(TEMPLATES.word("first-aid", Language.AR, Gender.UNMARKED))
                .isEqualTo(TEMPLATES.word("first-aid", Language.AR)).doesNotContain("كنتِ");
        assertThat(TEMPLATES.word("first-aid-bleeding", Language.AR, Gender.FEMININE))
                .isEqualTo(TEMPLATES.word("first-aid-bleeding", Language.AR));
        assertThat(TEMPLATES.word("first-aid", Language.EN, Gender.MASCULINE))
                .isEqualTo(TEMPLATES.word("first-aid", Language.EN));
    }

    @Test
    void a_method_or_dose_word_anywhere_is_refused_in_every_language() {
        assertThat(findings(Language.EN, neutral("Never take more than two paracetamol."))).singleElement()
                .satisfies(f -> assertThat(f.word()).isEqualTo("paracetamol"));
        assertThat(findings(Language.ROMAN_UR, neutral("Kitni goliyan? Yeh main nahi bata sakta."))).isNotEmpty();
        assertThat(findings(Language.UR, neutral("پیناڈول کی خوراک نہ بتائیں۔"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(findings(Language.AR, neutral("لا تأخذ الجرعة كاملة."))).isNotEmpty();
    }

    /** The review table's finding 10: «اکیلے», «سکتے ہیں», «اتصل», «أنت مهم» said to everyone as to a man. */
    @Test
    void a_form_that_addresses_the_person_as_a_man_in_a_neutral_text_is_refused() {
        assertThat(findings(Language.UR, neutral("آپ اکیلے نہیں ہیں۔"))).isNotEmpty();
        assertThat(findings(Language.UR, neutral("آپ بات کر سکتے ہیں۔"))).isNotEmpty();
        assertThat(findings(Language.ROMAN_UR, neutral("Aap baat kar sakte hain."))).isNotEmpty();
        assertThat(findings(Language.AR, neutral("أنت مهم، اتصل الآن."))).hasSize(2);
        assertThat(findings(Language.AR, neutral("وجودك مهم، ويمكنك الاتصال الآن."))).isEmpty();
        assertThat(findings(Language.UR, neutral("آپ تنہا نہیں ہیں، اور بات ہو سکتی ہے۔"))).isEmpty();
    }

    @Test
    void a_feminine_form_with_a_masculine_word_and_a_text_about_her_that_says_him_are_refused() {
        Templates.Form feminine = new Templates.Form("إذا كنتِ في خطر، اتصل الآن.", null, null, null);
        Templates.Form aboutHer = new Templates.Form("Thank you for looking out for her. Stay with him.", null, null,
                null);

        assertThat(findings(Language.AR, new Templates.Template("إذا كنت في خطر، يمكنك الاتصال.", null, false, false,
                List.of(), null, feminine, null, null, null, null))).singleElement()
                .satisfies(f -> assertThat(f.where()).contains("form 'feminine'"));
        assertThat(findings(Language.EN, new Templates.Template("Thank you for looking out for them.", null, false,
                false, List.of(), null, null, null, aboutHer, null, null))).singleElement()
                .satisfies(f -> assertThat(f.word()).isEqualTo("him"));
    }

    @Test
    void the_review_stops_the_start_naming_the_file_template_and_word() {
        Templates.RawFile file = new Templates.RawFile(Map.of("crisis", neutral("Take the pills away.")), Map.of());

        assertThatThrownBy(() -> TemplateReview.loadFromClasspath(Language.EN).check("lang/en/templates.yaml", file))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("lang/en/templates.yaml template 'crisis' has \"pills?\"");
    }

    /** "•", curly quotes and dashes would make a whole English or Roman Urdu SMS UCS-2 and double its cost. */
    @Test
    void latin_script_replies_are_written_in_gsm_7() {
        for (Language language : List.of(Language.EN, Language.ROMAN_UR)) {
            Templates.RawFile file = TEMPLATES.file(language);
            file.templates().forEach((id, t) -> {
                List<String> texts = new ArrayList<>(t.texts());
                texts.add(t.intro());
                texts.add(t.noLines());
                t.forms().values().forEach(f -> texts.addAll(f.all()));
                texts.stream().filter(x -> x != null).forEach(text -> assertThat(SmsSegments.firstNonGsm7(text))
                        .as(language.code() + " " + id + ": " + text).isEqualTo(-1));
            });
            file.words().forEach((key, word) -> assertThat(SmsSegments.isGsm7(word)).as(key).isTrue());
            GUIDES.texts(language).forEach(text -> assertThat(SmsSegments.firstNonGsm7(text))
                    .as(language.code() + " guide: " + text).isEqualTo(-1));
        }
    }

    private static Templates.Template neutral(String text) {
        return new Templates.Template(text, null, false, false, List.of(), null);
    }

    private static List<TemplateReview.Finding> findings(Language language, Templates.Template template) {
        return TemplateReview.loadFromClasspath(language).findings(language.code(),
                new Templates.RawFile(Map.of("test", template), Map.of()));
    }
}
