package org.saath.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;

import org.saath.nlu.RiskThresholds;

/**
 * Chooses the thresholds that turn the risk model's cumulative probabilities into levels, on validation predictions
 * of Saath's own risk corpus (cross-validation folds, each scored by the model that did not see it; never
 * ../shared/eval or the challenge set). {@link #crossValidate} measures the choice itself: each fold is read with
 * thresholds chosen on the others.
 *
 * <ol>
 *   <li>{@code high} and {@code imminent} together: among the pairs that keep false alarms within every ceiling,
 *       the most {@code high}+ recall up to its target, then the most {@code imminent} recall up to its target,
 *       then the fewest false alarms (so when the targets are reached, the highest thresholds that reach them;
 *       when they cannot be reached within the ceilings, the most recall the ceilings allow).</li>
 *   <li>{@code moderate}, then {@code low}: the threshold with the best exact agreement, the others fixed.</li>
 * </ol>
 *
 * The ceilings: none/low rows read as {@code high}+, rows below {@code high} read as {@code imminent} (an emergency
 * reply to someone who is not in one), topic rows (mentions, idioms, benign means, recovery) read as {@code high}+,
 * and everyday chat read as {@code high}+ or as {@code imminent}.
 */
public final class RiskThresholdChooser {

    /** What the thresholds aim for and must not exceed, as rates on the validation split. */
    public record Targets(double highRecall, double imminentRecall, double falseAlarmCeiling,
                          double topicFalseAlarmCeiling, double everydayFalseAlarmCeiling,
                          double falseImminentCeiling, double everydayFalseImminentCeiling) {

        public static final Targets DEFAULT = new Targets(0.95, 0.90, 0.15, 0.15, 0.02, 0.02, 0.005);
    }

    /** The thresholds and, for the card, why. */
    public record Choice(RiskThresholds thresholds, List<String> reasons) {

        public Choice {
            reasons = List.copyOf(reasons);
        }
    }

    static final double[] GRID = grid();

    /**
     * The second-opinion bars tried with the thresholds ({@link RiskThresholds#sureAlone},
     * {@link RiskThresholds#intentSeconds}): how sure the model must be of {@code high}+ alone, and what crisis
     * probability of the intent classifier seconds it. Ties go to the surer model and the stricter intent bar. The
     * intent bar starts at 0.1: at 0.05, which the ceilings allowed, a safety-plan answer ("my cousin sara and the
     * park near my house", golden 22) was read as a crisis and the plan broke off.
     */
    static final double[] SURE_ALONE_GRID = {0.5, 0.6, 0.7, 0.8, 0.9};
    static final double[] INTENT_SECONDS_GRID = {0.1, 0.15, 0.2, 0.3};

    /**
     * The lowest {@code high} threshold the chooser may pick. Below it, a message the model holds at least 90% likely
     * to be below {@code high} is read as {@code high} whenever anything seconds it
     * ({@link org.saath.nlu.RiskRules.SecondOpinion}); at 0.05 the golden conversations showed a request for a
     * person right after a crisis answered as a second crisis instead of honestly, and at 0.1 "i attempted suicide
     * years ago but i'm in a much better place now" was read as {@code high} (src/test/resources/risk/categories.tsv).
     */
    static final double MIN_HIGH = 0.125;

    private final Targets targets;

    public RiskThresholdChooser(Targets targets) {
        this.targets = targets;
    }

    public Choice choose(List<RiskCrossValidator.Scored> validation) {
        List<String> reasons = new ArrayList<>();
        double[] alarm = alarmThresholds(validation, reasons);
        double high = alarm[0];
        double imminent = alarm[1];
        double sure = alarm[2];
        double intent = alarm[3];
        double moderate = bestAgreement(validation, t -> new RiskThresholds(1, t, high, imminent, sure, intent));
        double low = bestAgreement(validation, t -> new RiskThresholds(t, moderate, high, imminent, sure, intent));
        reasons.add(String.format(Locale.ROOT, "moderate %.3f, low %.3f: best exact agreement", moderate, low));
        return new Choice(new RiskThresholds(low, moderate, high, imminent, sure, intent), reasons);
    }

    /**
     * The {@code high} and {@code imminent} thresholds together: among the pairs within every ceiling, the one with
     * the most {@code high}+ recall up to its target, then the most {@code imminent} recall up to its target, then
     * the fewest false alarms, then the highest thresholds. The moderate and low thresholds do not change these
     * figures.
     */
    private double[] alarmThresholds(List<RiskCrossValidator.Scored> rows, List<String> reasons) {
        double[] best = null;
        double[] bestKey = null;
        for (double sure : SURE_ALONE_GRID) {
            for (double intent : INTENT_SECONDS_GRID) {
                for (double imminent : GRID) {
                    for (double high : GRID) {
                        if (high < MIN_HIGH) {
                            continue;
                        }
                        RiskScores.Figures[] s = summary(rows, new RiskThresholds(1, 1, high, imminent, sure,
                                intent));
                        if (!within(s[0], s[1])) {
                            continue;
                        }
                        double[] key = {Math.min(s[0].highRecall(), targets.highRecall()),
                            Math.min(s[0].imminentRecall(), targets.imminentRecall()), -s[0].falseAlarmRate(),
                            -s[1].falseAlarmRate(), high + imminent, sure, intent};
                        if (bestKey == null || Arrays.compare(key, bestKey) > 0) {
                            bestKey = key;
                            best = new double[] {high, imminent, sure, intent};
                        }
                    }
                }
            }
        }
        if (best == null) {
            double highest = GRID[GRID.length - 1];
            reasons.add(String.format(Locale.ROOT, "high and imminent %.3f: no thresholds keep false alarms within the "
                    + "ceilings (the rules alone exceed one); the model adds as few alarms as it can", highest));
            return new double[] {highest, highest, RiskThresholds.FIXED_SURE_ALONE,
                RiskThresholds.FIXED_INTENT_SECONDS};
        }
        RiskScores.Figures f = summary(rows, new RiskThresholds(1, 1, best[0], best[1], best[2], best[3]))[0];
        reasons.add(String.format(Locale.ROOT, "high %.3f, imminent %.3f, sure alone %.3f, intent seconds %.3f: high+ "
                + "recall %.3f (target %.3f), imminent recall %.3f (target %.3f), false high+ %.3f (ceiling %.3f), "
                + "false imminent %.3f (ceiling %.3f), topic false high+ %.3f (ceiling %.3f)", best[0], best[1],
                best[2], best[3], f.highRecall(), targets.highRecall(), f.imminentRecall(), targets.imminentRecall(),
                f.falseAlarmRate(), targets.falseAlarmCeiling(), f.falseImminentRate(),
                targets.falseImminentCeiling(), f.topicFalseAlarmRate(), targets.topicFalseAlarmCeiling()));
        return best;
    }

    /**
     * For people choosing targets: at each {@code high} threshold (the chosen {@code imminent} one fixed), the
     * {@code high}+ recall and the three false-alarm rates on {@code rows}.
     */
    public static List<String> highCurve(List<RiskCrossValidator.Scored> rows, RiskThresholds chosen) {
        List<String> lines = new ArrayList<>();
        lines.add("P(>=high)  high+ rec  false high+  topic false  everyday false");
        for (int i = 1; i < GRID.length; i += 2) {
            RiskScores s = RiskCrossValidator.Folds.scores(rows, new RiskThresholds(chosen.low(), chosen.moderate(),
                    GRID[i], chosen.imminent(), chosen.sureAlone(), chosen.intentSeconds()));
            lines.add(String.format(Locale.ROOT, "%9.3f %10.3f %12.3f %12.3f %15.4f", GRID[i], s.overall().highRecall(),
                    s.overall().falseAlarmRate(), s.overall().topicFalseAlarmRate(), s.everyday().falseAlarmRate()));
        }
        return lines;
    }

    /**
     * Cross-validated threshold choice: each fold is read with thresholds chosen on the other folds' predictions, so
     * the figures are those of thresholds that never saw the rows they are measured on; the thresholds kept are
     * chosen on every fold's predictions together.
     */
    public CrossValidated crossValidate(RiskCrossValidator.Folds folds) {
        List<RiskScores.Outcome> outcomes = new ArrayList<>();
        List<RiskThresholds> perFold = new ArrayList<>();
        for (int k = 0; k < folds.folds(); k++) {
            RiskThresholds t = choose(folds.without(k)).thresholds();
            perFold.add(t);
            folds.fold(k).forEach(s -> outcomes.add(s.outcome(t)));
        }
        return new CrossValidated(choose(folds.scored()), perFold, RiskScores.of(outcomes), folds);
    }

    /**
     * @param choice   the thresholds kept, chosen on every fold's predictions
     * @param perFold  the thresholds each fold was read with, chosen on the other folds
     * @param scores   the figures of every fold read with its own {@code perFold} thresholds
     * @param folds    the rows those figures come from
     */
    public record CrossValidated(Choice choice, List<RiskThresholds> perFold, RiskScores scores,
                                 RiskCrossValidator.Folds folds) {

        /** The figures of the rows {@code which} keeps, each read with its fold's thresholds as in {@code scores}. */
        public RiskScores scores(Predicate<RiskText> which) {
            return RiskScores.of(folds.scored().stream().filter(s -> which.test(s.row()))
                    .map(s -> s.outcome(perFold.get(s.fold()))).toList());
        }

        public CrossValidated {
            perFold = List.copyOf(perFold);
        }
    }

    /** The figures of the risk rows and of the everyday rows alone (what the ceilings and targets read). */
    private static RiskScores.Figures[] summary(List<RiskCrossValidator.Scored> rows, RiskThresholds t) {
        List<RiskScores.Outcome> risk = new ArrayList<>(rows.size());
        List<RiskScores.Outcome> everyday = new ArrayList<>();
        for (RiskCrossValidator.Scored s : rows) {
            RiskScores.Outcome o = s.outcome(t);
            (RiskCrossValidator.EVERYDAY.equals(o.category()) ? everyday : risk).add(o);
        }
        return new RiskScores.Figures[] {RiskScores.figures(risk), RiskScores.figures(everyday)};
    }

    private boolean within(RiskScores.Figures f, RiskScores.Figures everyday) {
        return atMost(f.falseAlarmRate(), targets.falseAlarmCeiling())
                && atMost(f.falseImminentRate(), targets.falseImminentCeiling())
                && atMost(everyday.falseImminentRate(), targets.everydayFalseImminentCeiling())
                && atMost(f.topicFalseAlarmRate(), targets.topicFalseAlarmCeiling())
                && atMost(everyday.falseAlarmRate(), targets.everydayFalseAlarmCeiling());
    }

    private static boolean atMost(double rate, double ceiling) {
        return Double.isNaN(rate) || rate <= ceiling;
    }

    private static double bestAgreement(List<RiskCrossValidator.Scored> rows,
                                        DoubleFunction<RiskThresholds> with) {
        double best = 0.5;
        double bestExact = -1;
        for (double t : GRID) {
            double exact = summary(rows, with.apply(t))[0].exact();
            if (exact > bestExact + 1e-12) {
                bestExact = exact;
                best = t;
            }
        }
        return best;
    }

    private static double[] grid() {
        double[] grid = new double[39];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.round((0.025 + i * 0.025) * 1000) / 1000.0;
        }
        return grid;
    }
}
