package org.saath.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.saath.nlu.Analyser;
import org.saath.nlu.RiskClassifier;

/**
 * Stratified k-fold cross-validation of the risk model inside the whole analyser (risk model, lexicon, context and
 * the rules that combine them), each row read with its context as the service reads a conversation. Folds are
 * dealt per language and level with a fixed seed: the same data gives the same figures.
 */
public final class RiskCrossValidator {

    private final RiskTrainer trainer;
    private final Function<RiskClassifier, Analyser> analyserFor;

    public RiskCrossValidator(RiskTrainer trainer, Function<RiskClassifier, Analyser> analyserFor) {
        this.trainer = trainer;
        this.analyserFor = analyserFor;
    }

    /**
     * @param rows     the rows dealt into folds and evaluated
     * @param everyday rows added to every fold's training, never evaluated
     */
    public RiskScores run(List<RiskText> rows, List<RiskText> everyday, RiskTrainerParams params, int folds,
                          long seed) {
        List<RiskScores.Outcome> outcomes = new ArrayList<>(rows.size());
        List<List<RiskText>> split = split(rows, folds, seed);
        for (int k = 0; k < folds; k++) {
            List<RiskText> train = rest(split, k);
            train.addAll(everyday);
            Analyser analyser = analyserFor.apply(trainer.train(train, params).classifier("cv-fold-" + k));
            outcomes.addAll(evaluate(split.get(k), analyser));
        }
        return RiskScores.of(outcomes);
    }

    /** The analyser's risk for each row, read with its context. */
    public static List<RiskScores.Outcome> evaluate(List<RiskText> rows, Analyser analyser) {
        return rows.stream().map(r -> new RiskScores.Outcome(r.risk(), analyser.analyse(r.text(), r.context()).risk(),
                r.language(), r.category())).toList();
    }

    static List<RiskText> rest(List<List<RiskText>> split, int k) {
        List<RiskText> train = new ArrayList<>();
        for (int j = 0; j < split.size(); j++) {
            if (j != k) {
                train.addAll(split.get(j));
            }
        }
        return train;
    }

    /** Deals each (language, level) group's rows, shuffled with {@code seed}, round-robin into {@code folds} parts. */
    public static List<List<RiskText>> split(List<RiskText> rows, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds");
        }
        Map<String, List<RiskText>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.language() + "/" + r.risk().ordinal(), k -> new ArrayList<>())
                .add(r));
        List<List<RiskText>> split = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            split.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<RiskText> group : groups.values()) {
            Collections.shuffle(group, random);
            for (RiskText row : group) {
                split.get(next++ % folds).add(row);
            }
        }
        return split;
    }
}
