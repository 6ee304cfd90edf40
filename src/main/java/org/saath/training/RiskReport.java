package org.saath.training;

import java.util.Locale;
import java.util.Map;

/**
 * Figures for a risk-labelled file ({@code none|low|moderate|high}): exact and within-one ordinal agreement, and
 * recall and precision of "urgent" (gold {@code moderate} or {@code high}, predicted {@code moderate}+).
 */
public record RiskReport(int rows, double exactAgreement, double withinOneAgreement, int urgentRows,
                         double urgentRecall, double urgentPrecision, Map<String, Map<String, Integer>> confusion) {

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "rows %d  exact agreement %.3f  within one level %.3f%n", rows,
                exactAgreement, withinOneAgreement));
        out.append(String.format(Locale.ROOT, "urgent (moderate+high) rows %d  recall %.3f  precision %.3f%n",
                urgentRows, urgentRecall, urgentPrecision));
        out.append(String.format(Locale.ROOT, "%nconfusion (rows = gold risk, columns = predicted)%n"));
        Confusion.render(confusion, out);
        return out.toString();
    }
}
