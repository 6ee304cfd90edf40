package org.saath.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.saath.nlu.RiskLevel;

/**
 * How well risk levels were read, overall and per language: exact agreement; recall of {@code high}+ (gold
 * {@code high} or {@code imminent} read as {@code high}+), of {@code imminent}, and of {@code moderate}+; false
 * alarms (gold {@code none} or {@code low} read as {@code high}+), false emergencies (gold {@code moderate} or
 * below read as {@code imminent}); topic false alarms (rows whose category is a
 * mention, an idiom, a benign means, recovery or another hard negative, read as {@code high}+); and the confusion
 * counts. Rows of the category {@value RiskCrossValidator#EVERYDAY} (ordinary chat from the intent corpus) are kept
 * out of those figures and counted in {@code everyday} alone, whose only meaningful figure is its false alarms.
 * Aggregates only: never a message.
 */
public record RiskScores(Figures overall, Map<String, Figures> perLanguage,
                         Map<String, Map<String, Integer>> confusion, Figures everyday) {

    /** Categories whose rows speak of suicide or its means without danger to anyone. */
    public static final Set<String> TOPIC_CATEGORIES = Set.of("topic_mention", "idiom", "benign_means", "recovery",
            "hard_negative");

    /** One gold/predicted pair with its language and category ("" when unknown). */
    public record Outcome(RiskLevel gold, RiskLevel predicted, String language, String category) {
    }

    /** The figures of one subset; a recall over no rows is NaN. */
    public record Figures(int rows, double exact, int highRows, double highRecall, int imminentRows,
                          double imminentRecall, double moderateRecall, int safeRows, double falseAlarmRate,
                          int topicRows, double topicFalseAlarmRate, int belowHighRows, double falseImminentRate) {
    }

    public static RiskScores of(List<Outcome> all) {
        List<Outcome> everyday = all.stream().filter(o -> RiskCrossValidator.EVERYDAY.equals(o.category())).toList();
        List<Outcome> outcomes = all.stream().filter(o -> !RiskCrossValidator.EVERYDAY.equals(o.category())).toList();
        Map<String, List<Outcome>> byLanguage = new TreeMap<>();
        outcomes.forEach(o -> byLanguage.computeIfAbsent(o.language(), k -> new ArrayList<>()).add(o));
        Map<String, Figures> perLanguage = new LinkedHashMap<>();
        byLanguage.forEach((language, subset) -> perLanguage.put(language, figures(subset)));
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (RiskLevel gold : RiskLevel.values()) {
            for (Outcome o : outcomes) {
                if (o.gold() == gold) {
                    confusion.computeIfAbsent(gold.code(), k -> new LinkedHashMap<>())
                            .merge(o.predicted().code(), 1, Integer::sum);
                }
            }
        }
        return new RiskScores(figures(outcomes), perLanguage, confusion, figures(everyday));
    }

    /**
     * The figures of {@code outcomes}, whatever their categories, counted in one pass: the threshold search asks for
     * them some 27,000 times per choice.
     */
    static Figures figures(List<Outcome> outcomes) {
        int high = 0;
        int highHit = 0;
        int imminent = 0;
        int imminentHit = 0;
        int moderate = 0;
        int moderateHit = 0;
        int safe = 0;
        int safeHit = 0;
        int topic = 0;
        int topicHit = 0;
        int belowHigh = 0;
        int belowHighImminent = 0;
        int exact = 0;
        for (Outcome o : outcomes) {
            boolean alarm = o.predicted().atLeast(RiskLevel.HIGH);
            boolean emergency = o.predicted() == RiskLevel.IMMINENT;
            exact += o.gold() == o.predicted() ? 1 : 0;
            if (o.gold().atLeast(RiskLevel.HIGH)) {
                high++;
                highHit += alarm ? 1 : 0;
            } else {
                belowHigh++;
                belowHighImminent += emergency ? 1 : 0;
            }
            if (o.gold() == RiskLevel.IMMINENT) {
                imminent++;
                imminentHit += emergency ? 1 : 0;
            }
            if (o.gold().atLeast(RiskLevel.MODERATE)) {
                moderate++;
                moderateHit += o.predicted().atLeast(RiskLevel.MODERATE) ? 1 : 0;
            } else {
                safe++;
                safeHit += alarm ? 1 : 0;
            }
            if (TOPIC_CATEGORIES.contains(o.category())) {
                topic++;
                topicHit += alarm ? 1 : 0;
            }
        }
        return new Figures(outcomes.size(), rate(exact, outcomes.size()), high, rate(highHit, high), imminent,
                rate(imminentHit, imminent), rate(moderateHit, moderate), safe, rate(safeHit, safe), topic,
                rate(topicHit, topic), belowHigh, rate(belowHighImminent, belowHigh));
    }

    private static double rate(long hits, int of) {
        return of == 0 ? Double.NaN : (double) hits / of;
    }

    /** A plain-text rendering for people. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %6s %7s %12s %14s %10s %12s %12s %14s%n", "language", "rows",
                "exact", "high+ rec", "imminent rec", "mod+ rec", "false high+", "false imm", "topic false"));
        perLanguage.forEach((language, f) -> line(out, language, f));
        line(out, "all", overall);
        if (everyday != null && everyday.rows() > 0) {
            line(out, "everyday", everyday);
        }
        out.append(String.format(Locale.ROOT, "%nconfusion (rows = gold risk, columns = predicted)%n"));
        Confusion.render(confusion, out);
        return out.toString();
    }

    private static void line(StringBuilder out, String name, Figures f) {
        out.append(String.format(Locale.ROOT, "%-10s %6d %7.3f %12s %14s %10s %12s %12s %14s%n", name, f.rows(),
                f.exact(), ratio(f.highRecall(), f.highRows()), ratio(f.imminentRecall(), f.imminentRows()),
                fmt(f.moderateRecall()), ratio(f.falseAlarmRate(), f.safeRows()),
                ratio(f.falseImminentRate(), f.belowHighRows()), ratio(f.topicFalseAlarmRate(), f.topicRows())));
    }

    private static String ratio(double value, int of) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f/%d", value, of);
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
