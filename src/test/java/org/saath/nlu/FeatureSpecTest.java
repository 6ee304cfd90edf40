package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The tokens the models see, spelled out by hand from the spec's definition. */
class FeatureSpecTest {

    @Test
    void words_then_word_bigrams_then_each_words_character_grams_with_its_edges_shortest_first() {
        NormalisedText text = new NormalisedText("ab cd", List.of("ab", "cd"));
        assertThat(FeatureSpec.DEFAULT.features(text)).containsExactly(
                "ab", "cd", "ab_cd",
                "#<ab", "#ab>", "#<ab>",
                "#<cd", "#cd>", "#<cd>");
    }

    @Test
    void grams_inside_a_long_word_and_none_longer_than_the_word_with_its_edges() {
        NormalisedText text = new NormalisedText("nahi a", List.of("nahi", "a"));
        assertThat(new FeatureSpec(false, 3, 4).features(text)).containsExactly(
                "nahi", "a",
                "#<na", "#nah", "#ahi", "#hi>", "#<nah", "#nahi", "#ahi>",
                "#<a>");
        assertThat(new FeatureSpec(false, 0, 0).features(text)).containsExactly("nahi", "a");
    }

    @Test
    void an_empty_message_is_one_placeholder() {
        assertThat(FeatureSpec.DEFAULT.features(new NormalisedText("", List.of()))).containsExactly("<empty>");
    }

    @Test
    void risk_features_count_each_once_where_it_first_came() {
        NormalisedText text = new NormalisedText("no no", List.of("no", "no"));
        Utterance message = new Utterance(text, DistressAssessment.none());
        Utterance before = new Utterance(new NormalisedText("no", List.of("no")), DistressAssessment.none());
        RiskFeatures features = new RiskFeatures(new FeatureSpec(true, 0, 0), true, true, true);
        assertThat(features.features(message, List.of(before)))
                .containsExactly("no", "no_no", "short", "p:no", "lc:none");
        assertThat(features.features(message, List.of()))
                .containsExactly("no", "no_no", "short", "s:p:none", "lc:none");
    }
}
