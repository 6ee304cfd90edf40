package org.saath.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gates a newly trained risk model must pass before it is kept: cross-validated {@code high}+ recall in every
 * language not below the floor, and overall (or on the rows both corpora hold) not below the current model's (less
 * a small tolerance for fold noise); false {@code high}+ alarms on {@code none}/{@code low} rows and on everyday chat
 * not above the ceilings the thresholds were chosen under, plus the same tolerance (the ceilings hold on the
 * validation fold; the other folds vary around them); a model that calls everything high would pass the recall gate.
 * Each result says by how much.
 */
public final class RiskGates {

    private final double highRecallFloor;
    private final double tolerance;
    private final double falseAlarmCeiling;
    private final double everydayCeiling;

    public RiskGates(double highRecallFloor, double tolerance, double falseAlarmCeiling, double everydayCeiling) {
        this.highRecallFloor = highRecallFloor;
        this.tolerance = tolerance;
        this.falseAlarmCeiling = falseAlarmCeiling;
        this.everydayCeiling = everydayCeiling;
    }

    /**
     * @param sameRows the candidate's figures on the rows the current model was cross-validated on as well (same
     *                 text, context and level), when its data is at hand: the comparison with the current model is
     *                 then made on those rows, since rows added since (often the hard cases the model missed) are in
     *                 the candidate's overall figure and not in the current model's
     */
    public List<Gates.Result> check(RiskScores candidate, Optional<RiskScores> sameRows,
                                    Optional<RiskCard> current) {
        List<Gates.Result> results = new ArrayList<>();
        for (Map.Entry<String, RiskScores.Figures> language : candidate.perLanguage().entrySet()) {
            results.add(atLeast("high+ recall (" + language.getKey() + ")", language.getValue().highRecall(),
                    highRecallFloor, "floor"));
        }
        RiskScores.Figures compared = sameRows.map(RiskScores::overall).orElse(candidate.overall());
        String which = sameRows.map(s -> String.format(Locale.ROOT, "on the %d risk rows the current model had",
                s.overall().rows())).orElse("all");
        current.ifPresent(card -> results.add(atLeast("high+ recall (" + which + ")", compared.highRecall(),
                card.crossValidation().scores().overall().highRecall() - tolerance, String.format(Locale.ROOT,
                        "current model %s less tolerance %.3f", card.version(), tolerance))));
        results.add(atMost("false high+ alarms on none/low rows", candidate.overall().falseAlarmRate(),
                falseAlarmCeiling));
        if (candidate.everyday() != null && candidate.everyday().rows() > 0) {
            results.add(atMost("false high+ alarms on everyday chat", candidate.everyday().falseAlarmRate(),
                    everydayCeiling));
        }
        return results;
    }

    /** At most the ceiling the thresholds were chosen under, plus the tolerance for folds other than the one used. */
    private Gates.Result atMost(String what, double value, double ceiling) {
        double limit = ceiling + tolerance;
        boolean ok = value <= limit;
        return new Gates.Result(ok, String.format(Locale.ROOT, "%s %.4f %s %.4f (ceiling %.3f + tolerance %.3f)%s",
                what, value, ok ? "<=" : ">", limit, ceiling, tolerance,
                ok ? "" : String.format(Locale.ROOT, ", over by %.4f", value - limit)));
    }

    private static Gates.Result atLeast(String what, double value, double threshold, String against) {
        boolean ok = value >= threshold;
        return new Gates.Result(ok, String.format(Locale.ROOT, "%s %.3f %s %.3f (%s)%s", what, value, ok ? ">=" : "<",
                threshold, against, ok ? "" : String.format(Locale.ROOT, ", short by %.3f", threshold - value)));
    }
}
