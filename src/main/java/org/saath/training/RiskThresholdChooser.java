package org.saath.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import org.saath.nlu.RiskLevel;
import org.saath.nlu.RiskThresholds;

/**
 * Chooses the thresholds that turn the risk model's cumulative probabilities into levels, on a validation split of
 * Saath's own risk corpus (one cross-validation fold, scored by the model that did not see it; never
 * ../shared/eval or the challenge set).
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

    private final Targets targets;

    public RiskThresholdChooser(Targets targets) {
        this.targets = targets;
    }

    public Choice choose(List<RiskCrossValidator.Scored> validation) {
        List<String> reasons = new ArrayList<>();
        double[] alarm = alarmThresholds(validation, reasons);
        double high = alarm[0];
        double imminent = alarm[1];
        double moderate = bestAgreement(validation, t -> new RiskThresholds(1, t, high, imminent));
        double low = bestAgreement(validation, t -> new RiskThresholds(t, moderate, high, imminent));
        reasons.add(String.format(Locale.ROOT, "moderate %.3f, low %.3f: best exact agreement", moderate, low));
        return new Choice(new RiskThresholds(low, moderate, high, imminent), reasons);
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
        for (double imminent : GRID) {
            for (double high : GRID) {
                RiskScores s = RiskCrossValidator.Folds.scores(rows, new RiskThresholds(1, 1, high, imminent));
                if (!within(s.overall(), s.everyday())) {
                    continue;
                }
                double[] key = {Math.min(s.overall().highRecall(), targets.highRecall()),
                    Math.min(s.overall().imminentRecall(), targets.imminentRecall()), -s.overall().falseAlarmRate(),
                    -s.everyday().falseAlarmRate(), high + imminent};
                if (bestKey == null || Arrays.compare(key, bestKey) > 0) {
                    bestKey = key;
                    best = new double[] {high, imminent};
                }
            }
        }
        if (best == null) {
            double highest = GRID[GRID.length - 1];
            reasons.add(String.format(Locale.ROOT, "high and imminent %.3f: no thresholds keep false alarms within the "
                    + "ceilings (the rules alone exceed one); the model adds as few alarms as it can", highest));
            return new double[] {highest, highest};
        }
        RiskScores.Figures f = RiskCrossValidator.Folds.scores(rows, new RiskThresholds(1, 1, best[0], best[1]))
                .overall();
        reasons.add(String.format(Locale.ROOT, "high %.3f, imminent %.3f: high+ recall %.3f (target %.3f), imminent "
                + "recall %.3f (target %.3f), false high+ %.3f (ceiling %.3f), false imminent %.3f (ceiling %.3f), "
                + "topic false high+ %.3f (ceiling %.3f)", best[0], best[1], f.highRecall(), targets.highRecall(),
                f.imminentRecall(), targets.imminentRecall(), f.falseAlarmRate(), targets.falseAlarmCeiling(),
                f.falseImminentRate(), targets.falseImminentCeiling(), f.topicFalseAlarmRate(),
                targets.topicFalseAlarmCeiling()));
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
                    GRID[i], chosen.imminent()));
            lines.add(String.format(Locale.ROOT, "%9.3f %10.3f %12.3f %12.3f %15.4f", GRID[i], s.overall().highRecall(),
                    s.overall().falseAlarmRate(), s.overall().topicFalseAlarmRate(), s.everyday().falseAlarmRate()));
        }
        return lines;
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
            double exact = RiskCrossValidator.Folds.scores(rows, with.apply(t)).overall().exact();
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
