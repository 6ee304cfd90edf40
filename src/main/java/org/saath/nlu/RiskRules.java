package org.saath.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a message's risk is decided, in written rules that can only raise. The risk model's level is the start
 * ({@code model}); then each rule below may raise it, and every rule that raised it is named in the signals.
 *
 * <p>The model's own level reaches {@code high} or {@code imminent} only when something besides the model hears
 * danger too ({@link SecondOpinion}): the distress lexicon finds more than a means, a place or a time alone in the
 * message or in the previous messages (a means or a place with a time is more), or the intent classifier gives a
 * crisis probability of at least {@link RiskThresholds#intentSeconds} (not for a means, a place or a time named alone,
 * nor for a topic mention); or when the model alone is sure of it, P(≥ high) ≥ {@link RiskThresholds#sureAlone}. Both
 * bars are chosen with the model's thresholds on the risk corpus's cross-validation, under the same false-alarm
 * ceilings. Otherwise the model's reading is held at {@code moderate} (the bot asks directly, it does not escalate),
 * named in the signals as {@code model-unseconded:<level>}; a model-only {@code high}+ that is believed says why
 * ({@code model-sure-alone}, {@code model-seconded:lexicon}, {@code model-seconded:intent:p-crisis=…}). A character
 * n-gram model alone read "my neighbour bought a blue bicycle today" as {@code high}: a time word and a few n-grams
 * were enough. Three kinds of message hold the model however sure it is ({@link #modelLevel}): a death told as past
 * ({@code moderate}), an attempt of one's own told as long ago ({@code high} at most), and an answer that steadies
 * ("my name is Samira", "she's with me now": below {@code high}, when the danger the model heard was the context's).
 *
 * <p>Then the rules:
 *
 * <ol>
 *   <li>{@code lexicon}: the distress lexicon's own level for the message (its phrases, with idioms and topic
 *       mentions masked first, negation lowering a phrase one level, and intent + means/plan + timeframe read as
 *       {@code imminent}; see {@link DistressDetector}).</li>
 *   <li>{@code context}: the message's lexicon categories read together with the previous messages' (a means or a
 *       timeframe now, after a wish to die before: "tonight" after "i want to die"). It fires only when the
 *       message itself brings a means, plan, timeframe, act or wish: a bare "ok" is not raised, and a joke after
 *       an exam ("im dead tomorrow lol") has no wish to die in it or before it.</li>
 *   <li>{@code intent}: the intent classifier, trained on other sentences than the risk model, gives the message a
 *       crisis probability of at least {@value #INTENT_CRISIS_MODERATE}: {@code moderate}, so that the bot asks
 *       directly (it never escalates on this alone). Not when the lexicon reads the message as a topic mention ("a
 *       seminar on suicide prevention") or finds only a means or a place in it, with at most a time ("rat poison
 *       for the storeroom"): the intent classifier has learnt neither topics from selves nor benign means. With an
 *       idiom and nothing else the lexicon hears, at least {@value #INTENT_CRISIS_IDIOM} ("main tum pe marta hun",
 *       I die for you, at 0.34 is love; "sharam se mar jaunga", I'll die of shame, is still asked about).</li>
 *   <li>{@code way-and-time}: a {@code high} message of the person's own that names a means or a place and a near
 *       time ("one more hour, then the tablets in my drawer", "at fajr, from the balcony") is {@code imminent}: the
 *       way and the hour are said (../shared/research/risk-language.md §1). It was the rule book's
 *       ({@code crisis-means-and-time}, {@code crisis-place-and-time}) until 5 December; read here, the level
 *       that {@code saath classify}, {@code evaluate} and the training's cross-validation report is the one the
 *       person is answered at.</li>
 * </ol>
 *
 * Nothing here lowers a level: a topic mention ("a documentary about suicide") must be kept from becoming a false
 * alarm where it would be born, by the lexicon's topic guards and by the model's own evidence.
 */
public final class RiskRules {

    /**
     * The level of one message and why: every rule that raised it in {@code signals}, and in {@code source} the one
     * that set the final level ({@code model}, {@code model-sure-alone}, {@code model-seconded:lexicon},
     * {@code model-seconded:intent}, {@code model-unseconded:<level>}, {@code model-death-told:<level>},
     * {@code model-attempt-long-ago:<level>}, {@code model-steadied:<level>}, {@code lexicon}, {@code context},
     * {@code intent} or {@code way-and-time}), which {@code saath evaluate} counts over its false alarms and misses.
     */
    public record Judgement(RiskLevel level, List<String> signals, String source) {

        public Judgement {
            signals = List.copyOf(signals);
        }
    }

    private static final Set<DistressCategory> CONTRIBUTING = EnumSet.of(DistressCategory.MEANS,
            DistressCategory.PLAN, DistressCategory.TIMEFRAME, DistressCategory.ACT, DistressCategory.PLACE,
            DistressCategory.PREPARATION, DistressCategory.IDEATION, DistressCategory.INTENT,
            DistressCategory.PASSIVE_IDEATION, DistressCategory.SELF_HARM, DistressCategory.GOODBYE,
            DistressCategory.CODED);

    /** Chosen on the intent sentences' cross-validation before the risk model existed; it only asks. */
    public static final double INTENT_CRISIS_MODERATE = 0.2;
    /**
     * The same bar for a message whose only words of dying are an idiom's ({@link #onlyIdiom}): the classifier learnt
     * those words from crises alone, so they lift its crisis probability by themselves; an idiom read as a crisis must
     * be more likely than not. Not chosen on any data: love said in words of dying («بموت فيك يا حبيبي» at 0.22,
     * "main tum pe marta hun jaan" at 0.34) had the bot ask about suicide (the s57 QA pass).
     */
    public static final double INTENT_CRISIS_IDIOM = 0.5;

    public Judgement judge(Utterance message, List<Utterance> context, RiskEstimate estimate,
                           RiskThresholds thresholds, double crisisProbability) {
        return judge(message, context, estimate, estimate, thresholds, crisisProbability);
    }

    /**
     * As above, with {@code withoutContext}, the model's reading of the message on its own. An answer that tells who
     * the writer is or the support found, and no word of danger but a time, is held below {@code high}; one that puts
     * a means away ("I threw the pills in the bin") only when the message judged alone, with that reading and no
     * messages before it, is below it: the danger the model heard was in the messages before. Support told is held
     * whatever the model reads in it alone: "yes i told my elder sister, she's with me now" alone read
     * {@code imminent}, words it learnt from helpers' crises ("she took pills, she's with me now"), and after a
     * blackmailer's threat the person who had found help was told "call the police now".
     */
    public Judgement judge(Utterance message, List<Utterance> context, RiskEstimate estimate,
                           RiskEstimate withoutContext, RiskThresholds thresholds, double crisisProbability) {
        return judge(message, context, estimate, withoutContext, thresholds, crisisProbability, false);
    }

    /**
     * As above, where {@code helpCame}: the message says help has come ("im at the hospital now", «الاسعاف وصل»:
     * {@link Command#HELP_HERE}). With no word of danger in it but a time, it steadies as support told does, even read
     * alone: the model alone read "im at the hospital now" imminent (words it learnt from "im at the bridge now"), with
     * "call the emergency number now" (a dev probe, 7 December).
     */
    public Judgement judge(Utterance message, List<Utterance> context, RiskEstimate estimate,
                           RiskEstimate withoutContext, RiskThresholds thresholds, double crisisProbability,
                           boolean helpCame) {
        List<String> signals = new ArrayList<>();
        RiskLevel alone = estimate.level(thresholds);
        // a means put away is read alone, as if nothing came before it (and so never held again): below high, the
        // danger was the context's
        boolean steadied = !context.isEmpty() && (tellsSupport(message) || putsMeansAway(message)
                && !judge(message, List.of(), withoutContext, thresholds, crisisProbability).level()
                .atLeast(RiskLevel.HIGH))
                || helpCame && message.lexicon().categories().stream().allMatch(c -> c == DistressCategory.TIMEFRAME);
        SecondOpinion second = SecondOpinion.of(message, context, crisisProbability, steadied);
        RiskLevel model = modelLevel(estimate, thresholds, second);
        String source = "model";
        if (model != alone) {
            boolean heldAtHigh = second.attemptLongAgo() && model == RiskLevel.HIGH;
            source = (second.deathTold() ? "model-death-told:"
                    : second.recoveryTold() ? "model-recovery-told:"
                    : heldAtHigh ? "model-attempt-long-ago:"
                    : second.steadied() ? "model-steadied:" : "model-unseconded:") + alone.code();
            signals.add(source);
        } else if (model.atLeast(RiskLevel.HIGH)) {
            source = believedBecause(estimate, thresholds, second);
            signals.add(source.equals("model-seconded:intent")
                    ? source + ":p-crisis=" + Decimals.two(second.crisis()) : source);
        }
        signals.add("rule:model:" + model.code() + ":p=" + estimate.describe());
        RiskLevel level = model;
        RiskLevel lexicon = message.lexicon().risk();
        if (lexicon.compareTo(level) > 0) {
            level = lexicon;
            source = "lexicon";
            signals.add("rule:lexicon:" + lexicon.code());
        }
        RiskLevel withContext = withContext(message, context);
        if (withContext.compareTo(level) > 0) {
            level = withContext;
            source = "context";
            signals.add("rule:context:" + withContext.code());
        }
        double bar = onlyIdiom(message) ? INTENT_CRISIS_IDIOM : INTENT_CRISIS_MODERATE;
        if (crisisProbability >= bar && level.compareTo(RiskLevel.MODERATE) < 0
                && intentMayJudge(message)) {
            level = RiskLevel.MODERATE;
            source = "intent";
            signals.add("rule:intent:moderate:p-crisis=" + Decimals.two(crisisProbability));
        }
        if (level == RiskLevel.HIGH && wayAndTime(message) && !message.lexicon().thirdPerson()) {
            level = RiskLevel.IMMINENT;
            source = "way-and-time";
            signals.add("rule:way-and-time:imminent");
        }
        return new Judgement(level, signals, source);
    }

    /**
     * The risk model's own level: its thresholds' reading, held below {@code high} when it reads {@code high} or more
     * but is not sure of it alone ({@link RiskThresholds#sureAlone}) and nothing else
     * {@linkplain SecondOpinion#seconds seconds} it. A message that {@linkplain SecondOpinion#says says something of
     * its own} is held at {@code moderate}: the bot asks directly. Not read again with the lower thresholds, which are
     * chosen per level, so P(≥ high) can reach its bar while P(≥ low) misses its own: posts of r/SuicideWatch fell to
     * {@code none} that way. A short follow-up ("hi" after a breathing exercise) is read again below {@code high}:
     * its reading leans on the context, whose words the lexicon did not hear as danger.
     *
     * <p>A death told as past and nothing else ({@link SecondOpinion#deathTold}: "my brother took his own life last
     * month") is held at {@code moderate} however sure the model is: it learnt the words of a suicide from crises, and
     * read the loss as the writer's own act now ({@code imminent}, "call the police now"). The bereaved are asked
     * directly (the rule book's loss route), which a wish or a plan of their own said then raises again. An attempt
     * of the writer's own told as long ago and nothing else the lexicon hears ({@link SecondOpinion#attemptLongAgo}:
     * "i took an overdose two years ago" and "pichle saal maine bohat saari goliyan kha li thi" were read
     * {@code imminent}, "call the police now") is at most {@code high}: it is not happening now. Not lower: the
     * thoughts come back in words the lexicon does not know ("ab phir wahi sochti hoon", «وهلق رجعت الأفكار»), which
     * the model hears (a dev probe, 6 December: held at {@code moderate}, 4 of 28 such messages were lost). An attempt
     * told as long ago with a recovery and nothing else ({@link SecondOpinion#recoveryTold}: "my uncle tried to kill
     * himself years ago, he's fine now", which got the helper's emergency reply, the QA pass of s50; "i tried years ago
     * but i'm fine now") is held at {@code moderate}, as a death told is: asked directly; danger told now raises it.
     *
     * <p>An ordinary answer that steadies ({@link SecondOpinion#steadied}: "my name is Samira", "yes i told my elder
     * sister, she's with me now", "I threw the pills in the bin") is read again below {@code high}: the model heard
     * the danger in the messages before it (a past attempt, a blackmailer's threat), or in support told in words it
     * learnt from helpers' crises ("she's with me now"), and read the answer as an emergency ("call the police now" to
     * someone who had just said their name). What was said before is not forgotten: the conversation keeps the risk
     * it reached, and a word of danger in the answer itself ends the hold.
     */
    public static RiskLevel modelLevel(RiskEstimate estimate, RiskThresholds thresholds, SecondOpinion second) {
        RiskLevel level = estimate.level(thresholds);
        if (level.atLeast(RiskLevel.HIGH) && (second.deathTold() || second.recoveryTold())) {
            return RiskLevel.MODERATE;
        }
        if (level.atLeast(RiskLevel.HIGH) && second.steadied()) {
            return estimate.level(thresholds, RiskLevel.MODERATE);
        }
        if (level.atLeast(RiskLevel.HIGH) && estimate.atLeastHigh() < thresholds.sureAlone()
                && !second.seconds(thresholds)) {
            return second.says() ? RiskLevel.MODERATE : estimate.level(thresholds, RiskLevel.MODERATE);
        }
        // a cap on what is believed, last: an unsure, unseconded reading stays held at moderate above
        return level == RiskLevel.IMMINENT && second.attemptLongAgo() ? RiskLevel.HIGH : level;
    }

    /**
     * Why a model-only {@code high}+ was believed: the model was sure alone ({@code model-sure-alone}), else the
     * lexicon seconded it ({@code model-seconded:lexicon}), else the intent classifier ({@code model-seconded:intent},
     * named in the signals with its probability: {@code model-seconded:intent:p-crisis=0.13}).
     */
    private static String believedBecause(RiskEstimate estimate, RiskThresholds thresholds, SecondOpinion second) {
        if (estimate.atLeastHigh() >= thresholds.sureAlone()) {
            return "model-sure-alone";
        }
        return second.lexicon() ? "model-seconded:lexicon" : "model-seconded:intent";
    }

    /**
     * What besides the risk model hears danger in a message: the lexicon, which finds more than a means, a place or
     * a time alone in it (after its idiom and topic guards; a means or a place with a time counts) or in the previous
     * messages; and the intent classifier, trained on other sentences, whose crisis probability is heard unless the
     * message names only a means, a place or a time ("rope to tie the boxes on the car roof", "my neighbour bought a
     * bicycle today"), the lexicon reads it as a topic mention ("our class watched a documentary on suicide") or it is
     * a first message of a few words the lexicon does not know ("sorry"): there the model must be sure of danger on its
     * own.
     *
     * @param lexicon the lexicon hears danger in the message or its context
     * @param crisis  the intent classifier's crisis probability where it is heard, else 0
     * @param says    the message says something of its own: more than {@value RiskFeatures#SHORT_TOKENS} words, or
     *                words the lexicon knows; a model reading of "hi" or "ok" leans on the context
     * @param deathTold the message tells of a death or a suicide with a time gone by ("last month", "years ago"), and
     *                  the lexicon hears no other word of danger in it nor anything in the messages before it: a loss
     *                  told, not a danger of the writer's; without the time it may be an act just done ("my brother
     *                  threw himself off the roof"), where the emergency number comes first
     * @param attemptLongAgo the message tells of an attempt of the writer's own long ago ("two years ago", "pichle
     *                  saal", «السنة الماضية») or weeks ago ("last week", «الشهر الماضي»), with at most a means or a
     *                  place, and nothing was heard before it: told, not happening; with a wish or a time of today, or
     *                  danger before it, it is not this
     * @param recoveryTold an attempt told as long ago, with at most a means or a place, beside a recovery told ("my
     *                  uncle tried to kill himself years ago, he's fine now", "i tried years ago but i'm fine now":
     *                  {@link DistressCategory#RECOVERED}), and nothing heard before it: a story, not a danger now;
     *                  without the recovery told it is not this ("… and now she is saying goodbye to everyone" is
     *                  read as the model reads it)
     * @param steadied  the message {@linkplain RiskRules#steadies steadies} (who the writer is, support found, the
     *                  means put away) and the model reads it below {@code high} without the messages before it
     */
    public record SecondOpinion(boolean lexicon, double crisis, boolean says, boolean deathTold,
                                boolean attemptLongAgo, boolean recoveryTold, boolean steadied) {

        /** An opinion on a message that tells of no death or attempt long ago and does not steady. */
        public SecondOpinion(boolean lexicon, double crisis, boolean says) {
            this(lexicon, crisis, says, false, false, false, false);
        }

        public static SecondOpinion of(Utterance message, List<Utterance> context, double crisisProbability) {
            return of(message, context, crisisProbability, false);
        }

        static SecondOpinion of(Utterance message, List<Utterance> context, double crisisProbability,
                                boolean steadied) {
            boolean lexicon = hearsDanger(message) || context.stream().anyMatch(RiskRules::hearsDanger);
            boolean deathTold = message.lexicon().tellsDeath() && told(message, DistressCategory.PAST,
                    DistressCategory.YESTERDAY, DistressCategory.WEEKS_AGO, DistressCategory.LONG_AGO)
                    && message.lexicon().categories().isEmpty()
                    && context.stream().allMatch(c -> c.lexicon().categories().isEmpty());
            boolean says = message.text().tokens().size() > RiskFeatures.SHORT_TOKENS
                    || !message.lexicon().categories().isEmpty();
            // a first message of a few words the lexicon does not know ("sorry", "خلاص"): the intent classifier
            // learnt such words from farewells, and with nothing before them the model must be sure alone
            boolean heard = intentMaySecond(message) && (says || !context.isEmpty());
            boolean attemptLongAgo = (onlyLongAgo(message) || onlyTold(message, DistressCategory.WEEKS_AGO))
                    && context.stream().allMatch(c -> c.lexicon().categories().isEmpty());
            return new SecondOpinion(lexicon, heard ? crisisProbability : 0, says, deathTold, attemptLongAgo,
                    attemptLongAgo && told(message, DistressCategory.RECOVERED), steadied);
        }

        /** Whether this seconds a model-only {@code high}+ read with {@code thresholds}. */
        public boolean seconds(RiskThresholds thresholds) {
            return lexicon || crisis >= thresholds.intentSeconds();
        }
    }

    /**
     * Whether the intent classifier's crisis probability is heard for the {@code intent} rule (at least
     * {@code moderate}: the bot asks): not for a topic mention nor for a means or a place named alone, with at most a
     * time. It learnt crisis from sentences about oneself, and neither topics nor benign means were among its other
     * labels, so there its crisis probability says only that the words are near. A time alone is heard: "ٹرین کے آگے
     * کود جاؤں گا آج" (I'll jump in front of the train today) named no means the lexicon knew, and the time word
     * silenced the one classifier that heard it.
     */
    private static boolean intentMayJudge(Utterance message) {
        return !message.lexicon().cues().contains(DistressCategory.TOPIC) && !onlyMeans(message)
                && !onlyLongAgo(message);
    }

    /**
     * An idiom and nothing else the lexicon hears ("result dekh kar sharam se mar jaunga", I'll die of shame when I
     * see the result; "this exam is killing me"): the intent classifier learnt the idiom's words of dying from crises
     * alone, so its crisis probability says that they are there more than that the person is in danger.
     */
    private static boolean onlyIdiom(Utterance message) {
        return message.lexicon().cues().contains(DistressCategory.IDIOM) && message.lexicon().categories().isEmpty();
    }

    /**
     * Whether the intent classifier may second a model-only {@code high}: as for {@link #intentMayJudge}, and not for a
     * time alone either, the words that most often made the model read danger where there was none ("my neighbour
     * bought a blue bicycle today"); the bar that seconds was chosen on the training data without them. Nor for an
     * idiom alone: it may still make the bot ask ({@code moderate}), never escalate.
     */
    private static boolean intentMaySecond(Utterance message) {
        return intentMayJudge(message) && hearsMoreThanMeansOrTime(message) && !onlyIdiom(message);
    }

    /**
     * The lexicon hears more than a means, a place or a time alone ("my neighbour bought a blue bicycle today" is not
     * it), or a means or a place with a time.
     */
    private static boolean hearsDanger(Utterance message) {
        return !message.lexicon().categories().isEmpty()
                && (hearsMoreThanMeansOrTime(message) || wayAndTime(message)) && !onlyLongAgo(message);
    }

    /**
     * A means or a place together with a time ("the rat poison packet is open, tonight when he sleeps"): named
     * alone, a way of dying is as often a chore ("rope to tie the boxes on the car roof"), but with a time it seconds
     * a model that already reads danger in the message, and a {@code high} reading with it is {@code imminent}.
     */
    private static boolean wayAndTime(Utterance message) {
        Set<DistressCategory> found = message.lexicon().categories();
        return found.contains(DistressCategory.TIMEFRAME)
                && (found.contains(DistressCategory.MEANS) || found.contains(DistressCategory.PLACE));
    }

    private static boolean hearsMoreThanMeansOrTime(Utterance message) {
        Set<DistressCategory> found = message.lexicon().categories();
        return found.isEmpty() || found.stream().anyMatch(c -> c != DistressCategory.MEANS
                && c != DistressCategory.PLACE && c != DistressCategory.TIMEFRAME);
    }

    /**
     * A past attempt told as long ago, with at most a means or a place, and nothing of today: "i took an overdose
     * years ago, doing much better now". Recovery told in the words of an act; the lexicon reads it as a past attempt
     * ({@code moderate}), and neither it nor the intent classifier, which learnt those words from crises, seconds a
     * model's {@code high}: there the model must be sure alone. A wish, hopelessness or a time today is not this.
     */
    private static boolean onlyLongAgo(Utterance message) {
        return onlyTold(message, DistressCategory.LONG_AGO);
    }

    /**
     * A past attempt told with {@code time} ({@link DistressCategory#LONG_AGO}, {@link DistressCategory#WEEKS_AGO}),
     * with at most a means or a place, and nothing of today.
     */
    private static boolean onlyTold(Utterance message, DistressCategory time) {
        Set<DistressCategory> found = message.lexicon().categories();
        return message.lexicon().cues().contains(time) && found.contains(
                DistressCategory.PAST_ATTEMPT) && found.stream().allMatch(c -> c == DistressCategory.PAST_ATTEMPT
                || c == DistressCategory.MEANS || c == DistressCategory.PLACE);
    }

    /**
     * A means or a place, with at most a time, and nothing else ("rat poison for the storeroom tonight"): a signal, not
     * a risk. The intent classifier learnt means words from crisis sentences only, so it is not asked about them. A
     * time alone is not this: "ٹرین کے آگے کود جاؤں گا آج" (I'll jump in front of the train today) names no means the
     * lexicon knows, and a time word must not silence the one classifier that heard it.
     */
    private static boolean onlyMeans(Utterance message) {
        Set<DistressCategory> found = message.lexicon().categories();
        return (found.contains(DistressCategory.MEANS) || found.contains(DistressCategory.PLACE))
                && found.stream().allMatch(c -> c == DistressCategory.MEANS || c == DistressCategory.PLACE
                        || c == DistressCategory.TIMEFRAME);
    }

    /** Whether the lexicon heard one of {@code cues} in the message. */
    private static boolean told(Utterance message, DistressCategory... cues) {
        return Arrays.stream(cues).anyMatch(message.lexicon().cues()::contains);
    }

    /**
     * An ordinary answer that steadies: who the writer is, or support found, with nothing else of danger but a time;
     * or the means put away, named with nothing else but a time ({@link SecondOpinion#steadied}).
     */
    static boolean steadies(Utterance message) {
        return tellsSupport(message) || putsMeansAway(message);
    }

    /**
     * Who the writer is or the support found, with no word of danger but a time ("she's with me now", «جنبي
     * دلوقتي»); a means beside support may be at hand.
     */
    private static boolean tellsSupport(Utterance message) {
        return told(message, DistressCategory.INTRODUCTION, DistressCategory.SUPPORTED)
                && message.lexicon().categories().stream().allMatch(c -> c == DistressCategory.TIMEFRAME);
    }

    /** A means put away, named with nothing else but a time ("gave my things to my brother" is a preparation). */
    private static boolean putsMeansAway(Utterance message) {
        Set<DistressCategory> found = message.lexicon().categories();
        return told(message, DistressCategory.PUT_AWAY) && found.contains(DistressCategory.MEANS)
                && found.stream().allMatch(c -> c == DistressCategory.MEANS || c == DistressCategory.TIMEFRAME);
    }

    /**
     * The lexicon's combination over this message's categories and the previous messages' together; and "i want to do
     * the same" after a message that told of a death or a suicide is a wish to follow, {@code high} at least; doing it
     * again after an attempt told is the thoughts back ({@code high} with the attempt). An answer that
     * {@linkplain #steadies steadies} adds nothing: "she's with me now" after "i want to die" is not a time for it.
     */
    static RiskLevel withContext(Utterance message, List<Utterance> context) {
        Set<DistressCategory> now = message.lexicon().categories();
        boolean follows = message.lexicon().follows() && context.stream().anyMatch(c -> c.lexicon().tellsDeath());
        boolean again = told(message, DistressCategory.AGAIN)
                && context.stream().anyMatch(c -> c.lexicon().categories().contains(DistressCategory.PAST_ATTEMPT));
        if (context.isEmpty() || !follows && !again && now.stream().noneMatch(CONTRIBUTING::contains)
                || steadies(message)) {
            return RiskLevel.NONE;
        }
        Set<DistressCategory> together = EnumSet.noneOf(DistressCategory.class);
        together.addAll(now);
        context.forEach(c -> together.addAll(c.lexicon().categories()));
        if (follows) {
            together.add(DistressCategory.IDEATION);
        }
        if (again) {
            together.add(DistressCategory.PASSIVE_IDEATION);     // "i feel like doing it again" after an attempt
        }
        return DistressDetector.combine(follows ? RiskLevel.HIGH : RiskLevel.NONE, together);
    }
}
