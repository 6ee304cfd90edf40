package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.nlu.RiskClassifier;
import org.saath.nlu.RiskEstimate;
import org.saath.nlu.RiskLevel;
import org.saath.nlu.RiskThresholds;
import org.saath.nlu.Utterance;

/** What the cross-validation scores of a row: the model's reading of the message with its context. */
class RiskCrossValidatorTest {

    private static final RiskEstimate WITH_CONTEXT = new RiskEstimate(0.99, 0.95, 0.9, 0.8);
    private static final RiskEstimate ALONE = new RiskEstimate(0.2, 0.05, 0.01, 0.01);

    /** A model that reads danger only in the messages before: the analyser reads a steadying answer again alone. */
    private static final RiskClassifier CONTEXT_ONLY = new RiskClassifier() {
        @Override
        public RiskEstimate estimate(Utterance message, List<Utterance> context) {
            return context.isEmpty() ? ALONE : WITH_CONTEXT;
        }

        @Override
        public RiskThresholds thresholds() {
            return new RiskThresholds(0.5, 0.5, 0.4, 0.3);
        }

        @Override
        public String modelVersion() {
            return "test";
        }
    };

    @Test
    void an_answer_that_steadies_is_scored_with_its_context_not_with_the_analysers_second_reading() {
        Components.Analysers shared = Components.analysers(TestComponents.config(Path.of("target")));
        RiskCrossValidator validator = new RiskCrossValidator(null,
                r -> shared.with(Components.intentModel(Path.of("models")), r));
        RiskText answer = new RiskText(RiskLevel.MODERATE, "my name is samira",
                List.of("two years ago i tried to hang myself from the fan"), "en", "ordinary", "test:1");

        RiskCrossValidator.Scored scored = validator.score(List.of(answer), CONTEXT_ONLY, 0).get(0);

        assertThat(scored.estimate()).isEqualTo(WITH_CONTEXT);
    }
}
