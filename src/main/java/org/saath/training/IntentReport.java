package org.saath.training;

import java.util.Locale;
import java.util.Map;

/**
 * Figures for an intent-labelled file (or a cross-validation): per-intent precision/recall/F1, macro-F1 over the
 * labels present in the gold data, per-language figures, crisis recall at risk {@code moderate}+ and
 * {@code high}+, false crisis alarms ({@code high}+ given to a row not labelled crisis), and the confusion
 * matrix (gold → predicted → count).
 */
public record IntentReport(int rows, double accuracy, double macroF1, Map<String, Scores> perIntent,
                           Map<String, LanguageScores> perLanguage, int crisisRows, double crisisRecallModerate,
                           double crisisRecallHigh, int falseCrisisAlarms, double falseCrisisAlarmRate,
                           Map<String, Map<String, Integer>> confusion) {

    /** Precision, recall and F1 of one label, with its gold support. */
    public record Scores(double precision, double recall, double f1, int support) {
    }

    /**
     * Accuracy and macro-F1 of the rows in one language, and how often the language detector named that
     * language (meaningful where the row's language is known, as in the training corpus).
     */
    public record LanguageScores(int rows, double accuracy, double macroF1, double crisisRecallModerate,
                                 double languageDetected) {
    }

    /** A plain-text rendering for people. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "rows %d  accuracy %.3f  macro-F1 %.3f%n", rows, accuracy, macroF1));
        out.append(String.format(Locale.ROOT, "crisis rows %d  recall moderate+ %.3f  high+ %.3f%n", crisisRows,
                crisisRecallModerate, crisisRecallHigh));
        out.append(String.format(Locale.ROOT, "false crisis alarms (high+ on non-crisis rows) %d of %d = %.4f%n",
                falseCrisisAlarms, rows - crisisRows, falseCrisisAlarmRate));
        out.append(String.format(Locale.ROOT, "%n%-18s %9s %9s %9s %8s%n", "intent", "precision", "recall", "f1",
                "support"));
        perIntent.forEach((label, s) -> out.append(String.format(Locale.ROOT, "%-18s %9.3f %9.3f %9.3f %8d%n",
                label, s.precision(), s.recall(), s.f1(), s.support())));
        out.append(String.format(Locale.ROOT, "%n%-10s %6s %9s %9s %12s %10s%n", "language", "rows", "accuracy",
                "macro-F1", "crisis-rec", "detected"));
        perLanguage.forEach((language, s) -> out.append(String.format(Locale.ROOT,
                "%-10s %6d %9.3f %9.3f %12s %10.3f%n", language, s.rows(), s.accuracy(), s.macroF1(),
                Double.isNaN(s.crisisRecallModerate()) ? "-" : String.format(Locale.ROOT, "%.3f",
                        s.crisisRecallModerate()), s.languageDetected())));
        out.append(String.format(Locale.ROOT, "%nconfusion (rows = gold, columns = predicted)%n"));
        Confusion.render(confusion, out);
        return out.toString();
    }
}
