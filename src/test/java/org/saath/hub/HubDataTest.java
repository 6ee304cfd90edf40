package org.saath.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.saath.dialogue.Guides;
import org.saath.nlu.Command;
import org.saath.nlu.CommandDetector;
import org.saath.nlu.Language;
import org.saath.nlu.TextNormaliser;

/**
 * The hub's data files: words for every topic in every language, guides with the same steps everywhere and a source
 * for each, and a "delete my data" button that says what the chat recognises as "delete my data" in each language.
 */
class HubDataTest {

    private static final Guides GUIDES = Guides.loadFromClasspath();

    @Test
    void every_guide_step_cites_a_source_and_reads_the_same_steps_in_every_language() {
        assertThat(GUIDES.ids()).contains("digital_safety", "abuse_safety", "grounding", "safety_plan");
        for (String id : GUIDES.ids()) {
            List<String> english = GUIDES.get(id, Language.EN).steps().stream().map(Guides.Step::id).toList();
            for (Language language : Language.supported()) {
                Guides.Guide guide = GUIDES.get(id, language);
                assertThat(guide.steps().stream().map(Guides.Step::id).toList()).as(id + " in " + language)
                        .isEqualTo(english);
                assertThat(guide.steps()).allSatisfy(step -> assertThat(step.sources()).isNotEmpty());
            }
        }
        assertThat(GUIDES.get("safety_plan", Language.EN).steps()).hasSize(5);
    }

    @Test
    void the_delete_button_of_every_language_is_the_chat_s_delete_my_data() {
        TextNormaliser normaliser = new TextNormaliser();
        CommandDetector commands = CommandDetector.loadFromClasspath(normaliser);
        HubText text = HubText.loadFromClasspath(List.of("crisis"));

        for (Language language : Language.supported()) {
            String phrase = text.word("chat-delete-phrase", language);
            assertThat(commands.detect(normaliser.normalise(phrase))).as(language + ": " + phrase)
                    .isEqualTo(Optional.of(Command.DELETE_DATA));
        }
    }

    @Test
    void a_guide_said_in_the_chat_is_its_title_intro_and_the_steps_for_the_person_s_country() {
        String pakistan = GUIDES.render("digital_safety", "PK", Language.EN);
        String egypt = GUIDES.render("digital_safety", "EG", Language.EN);

        assertThat(pakistan.lines().toList().get(0)).isEqualTo(GUIDES.get("digital_safety", Language.EN).title());
        assertThat(pakistan).contains("\n- Whatever they threaten, don't pay", "NCCIA");
        assertThat(egypt).contains("\n- Whatever they threaten, don't pay").doesNotContain("NCCIA");
        assertThat(GUIDES.texts(Language.AR)).contains(GUIDES.get("grounding", Language.AR).title());
    }

    @Test
    void the_digital_safety_guide_sends_people_to_the_take_down_services_and_names_who_helps_only_in_pakistan() {
        Guides.Guide guide = GUIDES.get("digital_safety", Language.UR);

        assertThat(guide.steps().stream().flatMap(s -> s.links().stream()))
                .containsExactly("https://stopncii.org", "https://takeitdown.ncmec.org");
        Guides.Step whoHelps = guide.steps().stream().filter(s -> s.id().equals("who_helps")).findFirst()
                .orElseThrow();
        assertThat(whoHelps.fits("PK")).isTrue();
        assertThat(whoHelps.fits("AE")).isFalse();
    }
}
