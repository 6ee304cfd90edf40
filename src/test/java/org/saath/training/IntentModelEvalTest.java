package org.saath.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.saath.Components;
import org.saath.TestComponents;
import org.saath.nlu.TextNormaliser;

/**
 * Golden evaluation of the intent model: after checking that the intents.tsv of models/lang is the data the committed model was
 * trained on (its SHA-256 is in the model card), trains with the committed parameters on four fifths of it (a fixed,
 * seeded split), evaluates the whole analyser on the held-back fifth, and compares with the reviewed figures in
 * {@code src/test/resources/golden/intent-eval.txt}. Regenerate with {@code mvn test -Dgolden.update=true} and review
 * the diff before committing it. Never evaluated on ../shared/eval.
 */
class IntentModelEvalTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/intent-eval.txt");
    private static final long SEED = 20261121L;

    @Test
    void the_model_on_a_fixed_split_of_the_training_data_matches_the_reviewed_figures() throws IOException {
        TextNormaliser normaliser = new TextNormaliser();
        TrainingCorpus corpus = TrainingCorpus.load(List.of(Path.of("models/lang"),
                Path.of("conversations/labelled")), normaliser);
        ModelCard card = ModelCard.read(Path.of("models/intent.card.json"));
        assertThat(corpus.sha256())
                .as("models/lang/*/intents.tsv changed since models/intent.bin was trained: run `saath train`, then "
                        + "`mvn test -Dgolden.update=true`, and review the figures")
                .isEqualTo(card.dataSha256());

        List<List<LabelledText>> folds = CrossValidator.split(corpus.rows(), 5, SEED);
        List<LabelledText> train = new ArrayList<>();
        folds.subList(1, folds.size()).forEach(train::addAll);
        var classifier = new IntentTrainer(normaliser).train(train, TrainerParams.DEFAULT).classifier("golden");
        var analyser = Components.analyser(TestComponents.config(Path.of("target")), classifier);
        IntentReport report = Evaluator.intentReport(Evaluator.run(folds.get(0), analyser::analyse));

        String actual = render(report);
        GoldenFigures.check(GOLDEN, actual, "intent");
    }

    /** One figure a line, so that a change reads as a small diff. */
    static String render(IntentReport r) {
        Map<String, Double> lines = new LinkedHashMap<>();
        lines.put("accuracy", r.accuracy());
        lines.put("macro-f1", r.macroF1());
        lines.put("crisis-recall-moderate", r.crisisRecallModerate());
        lines.put("crisis-recall-high", r.crisisRecallHigh());
        lines.put("false-crisis-alarm-rate", r.falseCrisisAlarmRate());
        r.perIntent().forEach((label, s) -> lines.put("f1." + label, s.f1()));
        r.perLanguage().forEach((language, s) -> {
            lines.put("accuracy." + language, s.accuracy());
            lines.put("language-detected." + language, s.languageDetected());
        });
        StringBuilder out = new StringBuilder("rows " + r.rows() + "\n");
        lines.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%s %.4f%n", k, v)));
        return out.toString();
    }
}
