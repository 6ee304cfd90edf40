package org.saath.nlu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds distress in a message with the {@link DistressLexicon}, independently of the intent classifier.
 *
 * <ul>
 *   <li>Idioms are matched first; a distress phrase lying wholly inside an idiom is ignored
 *       ("this traffic is killing me"), one that only overlaps it is kept.</li>
 *   <li>A negation cue up to {@value #NEGATION_WINDOW} tokens before a phrase lowers it by one level, never below
 *       {@code low}: "I'm not suicidal" is still watched.</li>
 *   <li>A wish to die together with a means or a plan is at least {@code high}; with a timeframe as well it is
 *       {@code imminent} (intent + plan/means + timeframe, as C-SSRS and crisis lines use it).</li>
 *   <li>A means or timeframe on its own is a signal, not a risk ("pills for my headache").</li>
 * </ul>
 */
public final class DistressDetector {

    static final int NEGATION_WINDOW = 3;

    private final DistressLexicon lexicon;

    public DistressDetector(DistressLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public DistressAssessment assess(NormalisedText text) {
        List<DistressLexicon.Match> matches = lexicon.find(text.tokens());
        if (matches.isEmpty()) {
            return DistressAssessment.none();
        }
        boolean[] masked = maskIdioms(matches, text.tokens().size());
        Set<DistressCategory> seen = EnumSet.noneOf(DistressCategory.class);
        List<String> signals = new ArrayList<>();
        RiskLevel risk = RiskLevel.NONE;
        boolean thirdPerson = false;
        boolean requestsHuman = false;
        boolean anyNegated = false;
        boolean anyPlain = false;
        for (DistressLexicon.Match match : matches) {
            DistressCategory category = match.entry().category();
            if (category == DistressCategory.IDIOM || category == DistressCategory.NEGATION || inside(match, masked)) {
                continue;
            }
            if (category == DistressCategory.THIRD_PERSON) {
                thirdPerson = true;
                continue;
            }
            if (category == DistressCategory.REQUEST_HUMAN) {
                requestsHuman = true;
                continue;
            }
            boolean negated = isNegated(match, matches, masked, text);
            RiskLevel severity = match.entry().severity();
            if (negated && severity.atLeast(RiskLevel.LOW)) {
                severity = severity.lowered(RiskLevel.LOW);
                anyNegated = true;
                signals.add("negated:" + category.code() + ":" + match.entry().phrase());
            } else {
                seen.add(category);
                anyPlain |= category.isSelfHarmFamily();
                signals.add(category.code() + ":" + match.entry().phrase());
            }
            if (category != DistressCategory.MEANS && category != DistressCategory.TIMEFRAME) {
                risk = RiskLevel.max(risk, severity);
            }
        }
        risk = combine(risk, seen);
        if (thirdPerson && risk.atLeast(RiskLevel.MODERATE)) {
            signals.add("third_person");
        }
        return new DistressAssessment(risk, seen, thirdPerson && risk.atLeast(RiskLevel.MODERATE),
                anyNegated && !anyPlain, requestsHuman, signals);
    }

    /** Raises the phrase-level risk when intent meets means, plan or timeframe. */
    private static RiskLevel combine(RiskLevel risk, Set<DistressCategory> seen) {
        boolean wish = seen.stream().anyMatch(DistressCategory::isSelfHarmFamily);
        boolean meansOrPlan = seen.contains(DistressCategory.MEANS) || seen.contains(DistressCategory.PLAN);
        boolean timeframe = seen.contains(DistressCategory.TIMEFRAME);
        if (wish && meansOrPlan && timeframe) {
            return RiskLevel.IMMINENT;
        }
        if (wish && meansOrPlan) {
            return RiskLevel.max(risk, RiskLevel.HIGH);
        }
        if (seen.contains(DistressCategory.MEANS) && timeframe) {
            return RiskLevel.max(risk, RiskLevel.LOW);
        }
        return risk;
    }

    private static boolean[] maskIdioms(List<DistressLexicon.Match> matches, int size) {
        boolean[] masked = new boolean[size];
        for (DistressLexicon.Match match : matches) {
            if (match.entry().category() == DistressCategory.IDIOM) {
                for (int i = match.start(); i < match.end(); i++) {
                    masked[i] = true;
                }
            }
        }
        return masked;
    }

    private static boolean inside(DistressLexicon.Match match, boolean[] masked) {
        for (int i = match.start(); i < match.end(); i++) {
            if (!masked[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A negation cue in the same clause right before the phrase (at most {@value #NEGATION_WINDOW} tokens away),
     * or, for Urdu and Roman Urdu, whose verbs come last, right after it ("khudkushi nahi karunga").
     */
    private static boolean isNegated(DistressLexicon.Match target, List<DistressLexicon.Match> matches,
                                     boolean[] masked, NormalisedText text) {
        for (DistressLexicon.Match cue : matches) {
            if (cue.entry().category() != DistressCategory.NEGATION || masked[cue.start()]) {
                continue;
            }
            boolean before = cue.end() <= target.start() && target.start() - cue.end() < NEGATION_WINDOW
                    && !text.clauseBreakBetween(cue.start(), target.start());
            boolean after = verbFinal(target.entry().language()) && verbFinal(cue.entry().language())
                    && cue.start() >= target.end() && cue.start() - target.end() <= 1
                    && !text.clauseBreakBetween(target.start(), cue.start());
            if (before || after) {
                return true;
            }
        }
        return false;
    }

    private static boolean verbFinal(Language language) {
        return language == Language.UR || language == Language.ROMAN_UR;
    }
}
