package org.saath.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.saath.nlu.Analyser;
import org.saath.nlu.Intent;
import org.saath.nlu.IntentClassifier;

/**
 * Stratified k-fold cross-validation of the whole analyser (classifier + lexicon), so that crisis recall is
 * measured the way the service computes risk. Folds are drawn with a fixed seed: the same data gives the same
 * figures.
 */
public final class CrossValidator {

    private final IntentTrainer trainer;
    private final Function<IntentClassifier, Analyser> analyserFor;

    public CrossValidator(IntentTrainer trainer, Function<IntentClassifier, Analyser> analyserFor) {
        this.trainer = trainer;
        this.analyserFor = analyserFor;
    }

    public IntentReport run(List<LabelledText> rows, TrainerParams params, int folds, long seed) {
        List<List<LabelledText>> split = split(rows, folds, seed);
        List<Evaluator.Outcome> outcomes = new ArrayList<>(rows.size());
        for (int k = 0; k < folds; k++) {
            List<LabelledText> train = new ArrayList<>();
            for (int j = 0; j < folds; j++) {
                if (j != k) {
                    train.addAll(split.get(j));
                }
            }
            IntentClassifier classifier = trainer.train(train, params).classifier("cv-fold-" + k);
            Analyser analyser = analyserFor.apply(classifier);
            outcomes.addAll(Evaluator.run(split.get(k), analyser::analyse));
        }
        return Evaluator.intentReport(outcomes);
    }

    /** Deals each label's rows, shuffled with {@code seed}, round-robin into {@code folds} parts. */
    static List<List<LabelledText>> split(List<LabelledText> rows, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds");
        }
        Map<Intent, List<LabelledText>> byIntent = new EnumMap<>(Intent.class);
        rows.forEach(r -> byIntent.computeIfAbsent(r.intent(), k -> new ArrayList<>()).add(r));
        List<List<LabelledText>> split = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            split.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<LabelledText> group : byIntent.values()) {
            Collections.shuffle(group, random);
            for (LabelledText row : group) {
                split.get(next++ % folds).add(row);
            }
        }
        return split;
    }
}
