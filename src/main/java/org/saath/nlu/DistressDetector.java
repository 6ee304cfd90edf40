package org.saath.nlu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds distress in a message with the {@link DistressLexicon}, independently of the intent classifier.
 *
 * <ul>
 *   <li>Guards are matched first. A distress phrase lying wholly inside an idiom ("this traffic is killing me")
 *       is ignored, one that only overlaps it is kept; a phrase that touches a topic mention at all ("a documentary
 *       about suicide", "suicide prevention week") is ignored, and so is an act told in the same clause as a topic
 *       cue ("in the drama the heroine drank poison"), and so is an attempt ("drama mein heroine ne khudkushi ki
 *       koshish ki"); a wish is never discounted that way. A phrase touching a past attempt ("tried to kill myself in
 *       2021", "goliyan kha li thi") is read only as that past attempt, and so is an act or self-harm told in the same
 *       clause as a time long past ("i took an overdose years ago", "do saal pehle kalaai kaat li thi"): a wish
 *       today still makes it {@code high}.</li>
 *   <li>A negation cue up to {@value #NEGATION_WINDOW} tokens before a phrase lowers it by one level, never below
 *       {@code low}: "I'm not suicidal" is still watched.</li>
 *   <li>An act in progress or just done is {@code imminent} by its own severity. A wish to die together with a
 *       means, a place, a plan, preparation or a method question is at least {@code high}; with a timeframe as well
 *       it is {@code imminent} (intent + plan/means + timeframe, as C-SSRS and crisis lines use it). A past
 *       attempt with a wish or hopelessness today is at least {@code high}.</li>
 *   <li>A means, place or timeframe on its own is a signal, not a risk ("pills for my headache").</li>
 * </ul>
 */
public final class DistressDetector {

    static final int NEGATION_WINDOW = 3;
    /** The level of a past attempt on its own (the lexicon's past-attempt phrases have it too). */
    private static final RiskLevel PAST = RiskLevel.MODERATE;

    private final DistressLexicon lexicon;

    public DistressDetector(DistressLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A digest of the lexicon's files (the risk model's card records the lexicon it was trained with). */
    public String lexiconSha256() {
        return lexicon.sha256();
    }

    public DistressAssessment assess(NormalisedText text) {
        List<DistressLexicon.Match> matches = lexicon.find(text.tokens());
        if (matches.isEmpty()) {
            return DistressAssessment.none();
        }
        boolean[] masked = mask(matches, text.tokens().size(), DistressCategory::isGuard);
        boolean[] topic = mask(matches, text.tokens().size(), c -> c == DistressCategory.TOPIC);
        boolean[] past = mask(matches, text.tokens().size(), c -> c == DistressCategory.PAST_ATTEMPT);
        Set<DistressCategory> seen = EnumSet.noneOf(DistressCategory.class);
        Set<DistressCategory> cues = EnumSet.noneOf(DistressCategory.class);
        List<String> signals = new ArrayList<>();
        RiskLevel risk = RiskLevel.NONE;
        boolean thirdPerson = false;
        boolean requestsHuman = false;
        boolean anyNegated = false;
        boolean anyPlain = false;
        for (DistressLexicon.Match match : matches) {
            DistressCategory category = match.entry().category();
            if (category.isGuard() || category == DistressCategory.NEGATION
                    || category == DistressCategory.THIRD_PERSON || category == DistressCategory.LONG_AGO) {
                cues.add(category);
            }
            if (category.isGuard() || category == DistressCategory.NEGATION || category == DistressCategory.LONG_AGO
                    || inside(match, masked)
                    || overlaps(match, topic) || category != DistressCategory.PAST_ATTEMPT && overlaps(match, past)
                    || isNarrated(category) && topicInClause(match, matches, text)) {
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
            if ((category == DistressCategory.ACT || category == DistressCategory.SELF_HARM)
                    && inClauseWith(DistressCategory.LONG_AGO, match, matches, text)) {
                category = DistressCategory.PAST_ATTEMPT;
                severity = severity.atLeast(PAST) ? PAST : severity;
            }
            if (negated && severity.atLeast(RiskLevel.LOW)) {
                severity = severity.lowered(RiskLevel.LOW);
                anyNegated = true;
                signals.add("negated:" + category.code() + ":" + match.entry().phrase());
            } else {
                seen.add(category);
                anyPlain |= category.isSelfHarmFamily();
                signals.add(category.code() + ":" + match.entry().phrase());
            }
            if (category != DistressCategory.MEANS && category != DistressCategory.TIMEFRAME
                    && category != DistressCategory.PLACE) {
                risk = RiskLevel.max(risk, severity);
            }
        }
        risk = combine(risk, seen);
        return new DistressAssessment(risk, seen, cues, thirdPerson, anyNegated && !anyPlain, requestsHuman, signals);
    }

    /** Raises the phrase-level risk when intent meets means, plan or timeframe (also used over a conversation). */
    static RiskLevel combine(RiskLevel risk, Set<DistressCategory> seen) {
        boolean wish = seen.stream().anyMatch(DistressCategory::isSelfHarmFamily);
        boolean meansOrPlan = seen.stream().anyMatch(DistressCategory::isMeansOrPlan);
        boolean timeframe = seen.contains(DistressCategory.TIMEFRAME);
        if (seen.contains(DistressCategory.ACT) || wish && meansOrPlan && timeframe) {
            return RiskLevel.IMMINENT;
        }
        if (wish && meansOrPlan || seen.contains(DistressCategory.PAST_ATTEMPT)
                && (wish || seen.contains(DistressCategory.HOPELESSNESS))) {
            return RiskLevel.max(risk, RiskLevel.HIGH);
        }
        if ((seen.contains(DistressCategory.MEANS) || seen.contains(DistressCategory.PLACE)) && timeframe) {
            return RiskLevel.max(risk, RiskLevel.LOW);
        }
        return risk;
    }

    private static boolean[] mask(List<DistressLexicon.Match> matches, int size,
                                  java.util.function.Predicate<DistressCategory> claims) {
        boolean[] masked = new boolean[size];
        for (DistressLexicon.Match match : matches) {
            if (claims.test(match.entry().category())) {
                for (int i = match.start(); i < match.end(); i++) {
                    masked[i] = true;
                }
            }
        }
        return masked;
    }

    /** Events a story or the news can tell: an act, an attempt. Wishes are never discounted by a topic nearby. */
    private static boolean isNarrated(DistressCategory category) {
        return category == DistressCategory.ACT || category == DistressCategory.PAST_ATTEMPT;
    }

    /** An act or attempt told inside a story or the news: "in the drama the heroine drank poison". */
    private static boolean topicInClause(DistressLexicon.Match act, List<DistressLexicon.Match> matches,
                                         NormalisedText text) {
        return inClauseWith(DistressCategory.TOPIC, act, matches, text);
    }

    /** Whether a cue of {@code cueCategory} stands in the same clause as {@code phrase}, before or after it. */
    private static boolean inClauseWith(DistressCategory cueCategory, DistressLexicon.Match phrase,
                                        List<DistressLexicon.Match> matches, NormalisedText text) {
        for (DistressLexicon.Match cue : matches) {
            if (cue.entry().category() == cueCategory && (cue.end() <= phrase.start()
                    ? !text.clauseBreakBetween(cue.start(), phrase.start())
                    : !text.clauseBreakBetween(phrase.start(), cue.start()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(DistressLexicon.Match match, boolean[] masked) {
        for (int i = match.start(); i < match.end(); i++) {
            if (masked[i]) {
                return true;
            }
        }
        return false;
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
