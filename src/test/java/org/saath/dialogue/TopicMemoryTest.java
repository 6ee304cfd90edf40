package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.saath.nlu.Analysis;
import org.saath.nlu.DistressCategory;
import org.saath.nlu.Intent;
import org.saath.nlu.Language;
import org.saath.nlu.RiskLevel;

/** What a conversation is about: words name it, a sure classifier may, and a guess does not undo words. */
class TopicMemoryTest {

    private static final Instant NOW = Instant.parse("2026-12-05T20:00:00Z");
    private static final TopicMemory MEMORY = new TopicMemory(Duration.ofHours(2));
    private static final Cues.Found NO_WORDS = new Cues.Found(Optional.empty(), Set.of(), Set.of());

    @Test
    void a_sure_situation_intent_names_a_topic_and_replaces_one_it_could_have_named_itself() {
        assertThat(MEMORY.of(sure(Intent.SUBSTANCE), NO_WORDS, Optional.empty())).contains("substance");
        assertThat(MEMORY.of(sure(Intent.SUBSTANCE), NO_WORDS, remembered("abuse_violence", 60))).contains("substance");
    }

    /** "main unke baghair nahi reh sakta" after a mother's death was read as drugs and answered about stopping. */
    @Test
    void a_guess_does_not_replace_a_topic_only_words_name_while_it_is_remembered() {
        assertThat(remembered("bereavement", 60)).contains("bereavement");
        assertThat(MEMORY.of(sure(Intent.SUBSTANCE), NO_WORDS, remembered("bereavement", 60))).isEmpty();
        // forgotten once the memory lapses: the guess names the topic again
        assertThat(remembered("bereavement", 3 * 3600)).isEmpty();
        assertThat(MEMORY.of(sure(Intent.SUBSTANCE), NO_WORDS, remembered("bereavement", 3 * 3600)))
                .contains("substance");
        // words still replace it
        Cues.Found abuse = new Cues.Found(Optional.of("abuse_violence"), Set.of(), Set.of());
        assertThat(MEMORY.of(sure(Intent.ABUSE_VIOLENCE), abuse, remembered("bereavement", 60)))
                .contains("abuse_violence");
    }

    /**
     * An act on the body told at high risk or above is what the conversation is about (the s38 probe: an abuse guess
     * took over the replies once "i took 30 panadol" was three messages back); the same words under a lower risk are
     * no act, and a topic the words name still comes first.
     */
    @Test
    void an_act_told_names_the_emergency_and_a_guess_does_not_replace_it() {
        assertThat(MEMORY.of(act(RiskLevel.IMMINENT), NO_WORDS, Optional.empty())).contains(TopicMemory.EMERGENCY);
        assertThat(MEMORY.of(act(RiskLevel.MODERATE), NO_WORDS, Optional.empty())).isEmpty();
        assertThat(MEMORY.of(sure(Intent.ABUSE_VIOLENCE), NO_WORDS, remembered(TopicMemory.EMERGENCY, 60))).isEmpty();
        Cues.Found abuse = new Cues.Found(Optional.of("abuse_violence"), Set.of(), Set.of());
        assertThat(MEMORY.of(act(RiskLevel.IMMINENT), abuse, Optional.empty())).contains("abuse_violence");
    }

    private static Analysis act(RiskLevel risk) {
        return new Analysis(Language.EN, Intent.CRISIS, 0.9, false, risk, false, false, Optional.empty(),
                Optional.empty(), List.of(), "test", Set.of(DistressCategory.ACT), false, null, "model", false,
                Analysis.ActBefore.NONE, Intent.CRISIS);
    }

    private static Optional<String> remembered(String topic, long secondsAgo) {
        return MEMORY.remembered(topic, NOW.minusSeconds(secondsAgo), NOW);
    }

    private static Analysis sure(Intent intent) {
        return new Analysis(Language.EN, intent, 0.9, false, RiskLevel.LOW, false, false, Optional.empty(),
                Optional.empty(), List.of(), "test", Set.of(), false, null, "model", false, Analysis.ActBefore.NONE,
                intent);
    }
}
