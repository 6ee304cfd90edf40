package org.saath.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.saath.nlu.Analysis;
import org.saath.nlu.Intent;
import org.saath.nlu.RiskLevel;

/** Scores an analyser against labelled rows; the same code serves {@code saath evaluate} and cross-validation. */
public final class Evaluator {

    /** One row with what the analyser said of it. */
    public record Outcome(Intent gold, Intent predicted, RiskLevel risk, String language, String detected) {
    }

    private Evaluator() {
    }

    public static List<Outcome> run(List<LabelledText> rows, Function<String, Analysis> analyser) {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (LabelledText row : rows) {
            Analysis analysis = analyser.apply(row.text());
            String language = "mixed".equals(row.language()) ? analysis.language().code() : row.language();
            outcomes.add(new Outcome(row.intent(), analysis.intent(), analysis.risk(), language,
                    analysis.language().code()));
        }
        return outcomes;
    }

    public static IntentReport intentReport(List<Outcome> outcomes) {
        Map<String, IntentReport.Scores> perIntent = perIntent(outcomes);
        Map<String, List<Outcome>> byLanguage = new TreeMap<>();
        outcomes.forEach(o -> byLanguage.computeIfAbsent(o.language(), k -> new ArrayList<>()).add(o));
        Map<String, IntentReport.LanguageScores> perLanguage = new LinkedHashMap<>();
        byLanguage.forEach((language, subset) -> perLanguage.put(language, new IntentReport.LanguageScores(
                subset.size(), accuracy(subset), macroF1(perIntent(subset)), crisisRecall(subset, RiskLevel.MODERATE),
                (double) subset.stream().filter(o -> o.detected().equals(o.language())).count() / subset.size())));
        long crisisRows = outcomes.stream().filter(o -> o.gold() == Intent.CRISIS).count();
        long falseAlarms = outcomes.stream()
                .filter(o -> o.gold() != Intent.CRISIS && o.risk().atLeast(RiskLevel.HIGH)).count();
        long nonCrisis = outcomes.size() - crisisRows;
        return new IntentReport(outcomes.size(), accuracy(outcomes), macroF1(perIntent), perIntent, perLanguage,
                (int) crisisRows, crisisRecall(outcomes, RiskLevel.MODERATE), crisisRecall(outcomes, RiskLevel.HIGH),
                (int) falseAlarms, nonCrisis == 0 ? 0 : (double) falseAlarms / nonCrisis, confusion(outcomes));
    }

    private static Map<String, IntentReport.Scores> perIntent(List<Outcome> outcomes) {
        Map<String, IntentReport.Scores> scores = new LinkedHashMap<>();
        for (Intent intent : Intent.values()) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Outcome o : outcomes) {
                tp += o.gold() == intent && o.predicted() == intent ? 1 : 0;
                fp += o.gold() != intent && o.predicted() == intent ? 1 : 0;
                fn += o.gold() == intent && o.predicted() != intent ? 1 : 0;
            }
            if (tp + fn == 0) {
                continue;
            }
            double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = (double) tp / (tp + fn);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.put(intent.label(), new IntentReport.Scores(precision, recall, f1, tp + fn));
        }
        return scores;
    }

    private static double macroF1(Map<String, IntentReport.Scores> perIntent) {
        return perIntent.values().stream().mapToDouble(IntentReport.Scores::f1).average().orElse(0);
    }

    private static double accuracy(List<Outcome> outcomes) {
        return outcomes.isEmpty() ? 0
                : (double) outcomes.stream().filter(o -> o.gold() == o.predicted()).count() / outcomes.size();
    }

    private static double crisisRecall(List<Outcome> outcomes, RiskLevel atLeast) {
        List<Outcome> crisis = outcomes.stream().filter(o -> o.gold() == Intent.CRISIS).toList();
        return crisis.isEmpty() ? Double.NaN
                : (double) crisis.stream().filter(o -> o.risk().atLeast(atLeast)).count() / crisis.size();
    }

    private static Map<String, Map<String, Integer>> confusion(List<Outcome> outcomes) {
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        for (Intent gold : Intent.values()) {
            for (Outcome o : outcomes) {
                if (o.gold() == gold) {
                    matrix.computeIfAbsent(gold.label(), k -> new LinkedHashMap<>())
                            .merge(o.predicted().label(), 1, Integer::sum);
                }
            }
        }
        return matrix;
    }

    /**
     * Risk agreement for rows whose gold label is a risk level; {@code imminent} counts as {@code high} on both
     * sides, since such files grade at most to {@code high}.
     */
    public static RiskReport riskReport(List<RiskLevel> gold, List<RiskLevel> predicted) {
        int exact = 0;
        int withinOne = 0;
        int urgent = 0;
        int urgentHit = 0;
        int predictedUrgent = 0;
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            for (int i = 0; i < gold.size(); i++) {
                if (gold.get(i) == level) {
                    matrix.computeIfAbsent(level.code(), k -> new LinkedHashMap<>())
                            .merge(predicted.get(i).code(), 1, Integer::sum);
                }
            }
        }
        for (int i = 0; i < gold.size(); i++) {
            RiskLevel g = gold.get(i).atLeast(RiskLevel.HIGH) ? RiskLevel.HIGH : gold.get(i);
            RiskLevel p = predicted.get(i).atLeast(RiskLevel.HIGH) ? RiskLevel.HIGH : predicted.get(i);
            exact += g == p ? 1 : 0;
            withinOne += Math.abs(g.ordinal() - p.ordinal()) <= 1 ? 1 : 0;
            boolean isUrgent = g.atLeast(RiskLevel.MODERATE);
            boolean saidUrgent = p.atLeast(RiskLevel.MODERATE);
            urgent += isUrgent ? 1 : 0;
            urgentHit += isUrgent && saidUrgent ? 1 : 0;
            predictedUrgent += saidUrgent ? 1 : 0;
        }
        int n = gold.size();
        return new RiskReport(n, n == 0 ? 0 : (double) exact / n, n == 0 ? 0 : (double) withinOne / n, urgent,
                urgent == 0 ? 0 : (double) urgentHit / urgent,
                predictedUrgent == 0 ? 0 : (double) urgentHit / predictedUrgent, matrix);
    }
}
