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
import org.saath.nlu.RiskEstimate;
import org.saath.nlu.RiskLevel;
import org.saath.nlu.RiskRules;
import org.saath.nlu.RiskThresholds;
import org.saath.nlu.Utterance;

/**
 * Stratified k-fold cross-validation of the risk model inside the whole analyser (risk model, lexicon, context and
 * the rules that combine them), each row read with its context as the service reads a conversation. Folds are
 * dealt per language and level with a fixed seed: the same data gives the same figures. The everyday rows taken
 * from the intent corpus are dealt into folds too, so that every fold also measures false alarms on ordinary chat.
 *
 * <p>Each held-out row keeps the model's cumulative probabilities apart from the level the written rules give
 * alone ({@link Scored}): since the rules can only raise, the analyser's level under any thresholds is the higher of
 * the two, and thresholds can be chosen on one fold and applied to the others without retraining.
 */
public final class RiskCrossValidator {

    /** The category given to the everyday rows when they are evaluated. */
    public static final String EVERYDAY = "everyday_chat";

    private final RiskTrainer trainer;
    private final Function<RiskClassifier, Analyser> analyserFor;

    public RiskCrossValidator(RiskTrainer trainer, Function<RiskClassifier, Analyser> analyserFor) {
        this.trainer = trainer;
        this.analyserFor = analyserFor;
    }

    /**
     * One held-out row: its gold level, the model's estimate, the level the rules give without the model, and what
     * besides the model hears danger in it ({@link RiskRules.SecondOpinion}: without it, a model that is not sure
     * alone is read with its levels up to {@code moderate} only).
     */
    public record Scored(RiskText row, RiskEstimate estimate, RiskLevel floor, RiskRules.SecondOpinion second,
                         int fold) {

        /** What the analyser answers for this row when the model is read with {@code thresholds}. */
        public RiskScores.Outcome outcome(RiskThresholds thresholds) {
            RiskLevel model = RiskRules.modelLevel(estimate, thresholds, second);
            return new RiskScores.Outcome(row.risk(), RiskLevel.max(floor, model), row.language(), row.category());
        }
    }

    /** Every row of every fold, scored by the model that did not see it. */
    public record Folds(List<Scored> scored, int folds) {

        public Folds {
            scored = List.copyOf(scored);
        }

        /** The rows of fold {@code k} alone. */
        public List<Scored> fold(int k) {
            return scored.stream().filter(s -> s.fold() == k).toList();
        }

        /** The rows of every fold but {@code k}. */
        public List<Scored> without(int k) {
            return scored.stream().filter(s -> s.fold() != k).toList();
        }

        /** The figures of {@code rows} read with {@code thresholds}. */
        public static RiskScores scores(List<Scored> rows, RiskThresholds thresholds) {
            return RiskScores.of(rows.stream().map(s -> s.outcome(thresholds)).toList());
        }
    }

    /**
     * @param rows     the risk rows, dealt into folds and evaluated
     * @param everyday the everyday rows, dealt into folds as well (trained on in the other folds, evaluated as
     *                 {@value #EVERYDAY})
     */
    public Folds run(List<RiskText> rows, List<RiskText> everyday, RiskTrainerParams params, int folds, long seed) {
        List<List<RiskText>> split = split(rows, folds, seed);
        List<List<RiskText>> everydaySplit = split(everyday, folds, seed);
        List<Scored> scored = new ArrayList<>(rows.size() + everyday.size());
        for (int k = 0; k < folds; k++) {
            List<RiskText> train = rest(split, k);
            train.addAll(rest(everydaySplit, k));
            RiskClassifier model = trainer.train(train, params).classifier("cv-fold-" + k);
            scored.addAll(score(split.get(k), model, k));
            scored.addAll(score(everydaySplit.get(k).stream().map(r -> new RiskText(r.risk(), r.text(), r.context(),
                    r.language(), EVERYDAY, r.origin())).toList(), model, k));
        }
        return new Folds(scored, folds);
    }

    List<Scored> score(List<RiskText> rows, RiskClassifier model, int fold) {
        Tap tap = new Tap(model);
        Analyser analyser = analyserFor.apply(tap);
        List<Scored> scored = new ArrayList<>(rows.size());
        for (RiskText r : rows) {
            tap.next();
            Analyser.Reading reading = analyser.read(r.text());
            RiskLevel floor = analyser.analyse(reading, r.context()).risk();
            RiskRules.SecondOpinion second = RiskRules.SecondOpinion.of(tap.message, tap.context,
                    reading.classification().crisisProbability());
            scored.add(new Scored(r, tap.last, floor, second, fold));
        }
        return scored;
    }

    /**
     * Hands the model's estimate to the validator and none to the analyser, so that the analyser's level is what
     * the written rules give alone. Of one row it keeps the first reading, the message with its context: the
     * analyser reads an answer that steadies once more without it ({@code RiskRules.steadies}), which is not the
     * row's estimate. The validator scores such an answer without that hold, which only lowers. One thread at a time.
     */
    private static final class Tap implements RiskClassifier {

        private final RiskClassifier model;
        private RiskEstimate last = RiskEstimate.none();
        private Utterance message;
        private List<Utterance> context = List.of();
        private boolean read;

        Tap(RiskClassifier model) {
            this.model = model;
        }

        /** The next row: its first reading is the one kept. */
        void next() {
            read = false;
        }

        @Override
        public RiskEstimate estimate(Utterance message, List<Utterance> context) {
            if (!read) {
                this.message = message;
                this.context = context;
                last = model.estimate(message, context);
                read = true;
            }
            return RiskEstimate.none();
        }

        @Override
        public RiskThresholds thresholds() {
            return model.thresholds();
        }

        @Override
        public String modelVersion() {
            return model.modelVersion();
        }
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
