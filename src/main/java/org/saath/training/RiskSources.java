package org.saath.training;

import java.util.Map;
import java.util.TreeMap;

import org.saath.nlu.Analysis;
import org.saath.nlu.RiskLevel;

/**
 * What set the risk of the rows a file got wrong, counted by the rule that set it
 * ({@link org.saath.nlu.RiskRules.Judgement#source}): false {@code high}+ alarms (a row that is not a crisis read as
 * {@code high}+), missed {@code high}+ and missed {@code imminent} (keyed {@code <level read> by <source>}). It says
 * which mechanism to mend (the model alone, the lexicon, the context rule) without showing a message: aggregates
 * only.
 */
public record RiskSources(Map<String, Integer> falseHigh, Map<String, Integer> missedHigh,
                          Map<String, Integer> missedImminent) {

    public RiskSources() {
        this(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    /** Counts one row of a risk-labelled file: {@code gold} below {@code moderate} is not a crisis. */
    public void add(RiskLevel gold, Analysis read) {
        if (gold.atLeast(RiskLevel.HIGH) && !read.risk().atLeast(RiskLevel.HIGH)) {
            missedHigh.merge(read.risk().code() + " by " + read.riskSource(), 1, Integer::sum);
        }
        if (gold == RiskLevel.IMMINENT && read.risk() != RiskLevel.IMMINENT) {
            missedImminent.merge(read.risk().code() + " by " + read.riskSource(), 1, Integer::sum);
        }
        addIntentRow(gold.atLeast(RiskLevel.MODERATE), read);
    }

    /** Counts one row of an intent-labelled file, whose only error counted here is a false alarm. */
    public void addIntentRow(boolean crisis, Analysis read) {
        if (!crisis && read.risk().atLeast(RiskLevel.HIGH)) {
            falseHigh.merge(read.riskSource(), 1, Integer::sum);
        }
    }

    /** A plain-text rendering for people; empty when nothing was wrong. */
    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, "false high+ alarms set by", falseHigh);
        line(out, "missed high+ (level read by source)", missedHigh);
        line(out, "missed imminent (level read by source)", missedImminent);
        return out.toString();
    }

    private static void line(StringBuilder out, String title, Map<String, Integer> counts) {
        if (!counts.isEmpty()) {
            out.append(title).append(": ");
            counts.forEach((source, n) -> out.append(source).append(' ').append(n).append("  "));
            out.append(System.lineSeparator());
        }
    }
}
