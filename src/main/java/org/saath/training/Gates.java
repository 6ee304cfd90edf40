package org.saath.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gates a newly trained model must pass before it is written: cross-validated crisis recall (moderate+) not
 * below the current model's (less a small tolerance for fold noise) nor below the configured floor; no intent's F1 more than {@code f1Margin} below the
 * current model's; every golden conversation still passing. Each result says by how much.
 */
public final class Gates {

    /** One gate's verdict, as a line for the console and the model card. */
    public record Result(boolean passed, String line) {
    }

    private final double crisisRecallFloor;
    private final double crisisRecallTolerance;
    private final double f1Margin;

    /**
     * @param crisisRecallFloor     the lowest crisis recall any model may have
     * @param crisisRecallTolerance how far below the current model's recall a candidate may be: only the noise of
     *                              folds re-dealt by new rows, never more than a fraction of a percent
     * @param f1Margin              the largest allowed drop of an intent's F1
     */
    public Gates(double crisisRecallFloor, double crisisRecallTolerance, double f1Margin) {
        this.crisisRecallFloor = crisisRecallFloor;
        this.crisisRecallTolerance = crisisRecallTolerance;
        this.f1Margin = f1Margin;
    }

    public List<Result> check(IntentReport candidate, Optional<ModelCard> current, List<String> goldenProblems) {
        List<Result> results = new ArrayList<>();
        double threshold = crisisRecallFloor;
        String against = "floor";
        if (current.isPresent()
                && current.get().crossValidation().report().crisisRecallModerate() - crisisRecallTolerance > threshold) {
            threshold = current.get().crossValidation().report().crisisRecallModerate() - crisisRecallTolerance;
            against = String.format(Locale.ROOT, "current model %s %.3f less tolerance %.3f", current.get().version(),
                    current.get().crossValidation().report().crisisRecallModerate(), crisisRecallTolerance);
        }
        double recall = candidate.crisisRecallModerate();
        results.add(new Result(recall >= threshold, String.format(Locale.ROOT,
                "crisis recall (moderate+) %.3f %s %.3f (%s)%s", recall, recall >= threshold ? ">=" : "<", threshold,
                against, recall >= threshold ? "" : String.format(Locale.ROOT, ", short by %.3f", threshold - recall))));
        current.ifPresent(card -> f1Gates(candidate, card, results));
        results.add(new Result(goldenProblems.isEmpty(), goldenProblems.isEmpty()
                ? "golden conversations: all pass"
                : "golden conversations: " + goldenProblems.size() + " broken expectation(s), first: "
                        + goldenProblems.get(0)));
        return results;
    }

    private void f1Gates(IntentReport candidate, ModelCard current, List<Result> results) {
        for (Map.Entry<String, IntentReport.Scores> old : current.crossValidation().report().perIntent().entrySet()) {
            IntentReport.Scores now = candidate.perIntent().get(old.getKey());
            double f1 = now == null ? 0 : now.f1();
            double min = old.getValue().f1() - f1Margin;
            if (f1 < min) {
                results.add(new Result(false, String.format(Locale.ROOT,
                        "F1 of %s %.3f dropped below %.3f (current %.3f - margin %.3f) by %.3f", old.getKey(), f1, min,
                        old.getValue().f1(), f1Margin, min - f1)));
            }
        }
        if (results.stream().noneMatch(r -> r.line().startsWith("F1 of"))) {
            results.add(new Result(true, String.format(Locale.ROOT,
                    "per-intent F1: none dropped by more than %.3f against %s", f1Margin, current.version())));
        }
    }
}
