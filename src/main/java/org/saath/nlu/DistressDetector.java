package org.saath.nlu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds distress in a message with the {@link DistressLexicon}, independently of the intent classifier.
 *
 * <ul>
 *   <li>Guards are matched first. A distress phrase lying wholly inside an idiom ("this traffic is killing me")
 *       is ignored, one that only overlaps it is kept; a phrase that touches a topic mention at all ("a documentary
 *       about suicide", "suicide prevention week") is ignored, and so is an act told in the same clause as a topic
 *       cue ("in the drama the heroine drank poison"), and so is an attempt ("drama mein heroine ne khudkushi ki
 *       koshish ki"); a wish is never discounted that way. A topic lying wholly inside a longer phrase of distress
 *       is no topic ("khudkushi ke baare mein soch raha hoon"). A phrase touching a past attempt ("tried to kill
 *       myself in 2021", "goliyan kha li thi") is read only as that past attempt, and so is an act or self-harm told
 *       in the same clause as a time long past ("i took an overdose years ago", "do saal pehle kalaai kaat li thi")
 *       unless a time of today stands there too: a wish today still makes it {@code high}.</li>
 *   <li>Clauses start after sentence punctuation and at clause words ("but", "and then", "lekin", "لكن"): "i know
 *       it's haram but i drank the poison" is an act, not a story.</li>
 *   <li>A negation cue up to {@value #NEGATION_WINDOW} tokens before a phrase lowers it by one level, never below
 *       {@code low}: "I'm not suicidal" is still watched. A negation that has its own word ("not okay") lowers
 *       nothing after it.</li>
 *   <li>A third person makes the message about someone else, unless the cue is part of another phrase ("take care of
 *       my mom") or the person names themselves right before a phrase of distress ("i took all the pills").</li>
 *   <li>An act in progress or just done is {@code imminent} by its own severity. A wish to die together with a
 *       means, a place, a plan, preparation or a method question is at least {@code high}; with a timeframe as well
 *       it is {@code imminent} (intent + plan/means + timeframe, as C-SSRS and crisis lines use it), and so is a
 *       declared intent with a time ("i'm going to kill myself tonight"): the decision and the hour are said. A past
 *       attempt with a wish or hopelessness today is at least {@code high}.</li>
 *   <li>A means, place or timeframe on its own is a signal, not a risk ("pills for my headache").</li>
 *   <li>Doing as someone did ("i want to do the same", "be with him") is a wish to die when the message tells of a
 *       death or a suicide ("the news of the boy who jumped from the bridge; i keep thinking i should do the same"):
 *       {@code high}, and with a means or place and a time {@code imminent}. Without a death told it is nothing.</li>
 * </ul>
 */
public final class DistressDetector {

    static final int NEGATION_WINDOW = 3;
    /** The signal of doing it again beside an attempt told: the thoughts are back. */
    static final String AGAIN_AFTER_ATTEMPT = "passive_ideation:again after an attempt";

    /**
     * The cues kept with an assessment for the risk rules and the model's features ({@link DistressAssessment#cues}),
     * besides the guards; {@link DistressCategory#AGAIN} is kept only where nothing negates it.
     */
    private static final Set<DistressCategory> KEPT_CUES = EnumSet.of(DistressCategory.NEGATION,
            DistressCategory.THIRD_PERSON, DistressCategory.LONG_AGO, DistressCategory.WEEKS_AGO, DistressCategory.PAST,
            DistressCategory.YESTERDAY, DistressCategory.RECENT, DistressCategory.INTRODUCTION,
            DistressCategory.SUPPORTED, DistressCategory.RECOVERED,
            DistressCategory.PUT_AWAY);
    /** The level of a past attempt on its own (the lexicon's past-attempt phrases have it too). */
    private static final RiskLevel PAST = RiskLevel.MODERATE;
    /** What tells of a death or a suicide, whoever's, for a {@link DistressCategory#FOLLOW wish to follow}. */
    private static final Set<DistressCategory> DEATH_TOLD = EnumSet.of(DistressCategory.DEATH,
            DistressCategory.IDEATION, DistressCategory.INTENT, DistressCategory.ACT, DistressCategory.SELF_HARM,
            DistressCategory.PAST_ATTEMPT);
    /**
     * What someone else's death may be told with and still be a loss told: the act that ended their life, its means
     * and place, and their attempt told as long ago.
     */
    private static final Set<DistressCategory> ANOTHERS_DEATH = EnumSet.of(DistressCategory.ACT,
            DistressCategory.SELF_HARM, DistressCategory.IDEATION, DistressCategory.PAST_ATTEMPT,
            DistressCategory.MEANS, DistressCategory.PLACE);

    /** The English verbs of a written message someone sent: what follows them in their clause is that person's. */
    private static final Set<String> WRITTEN = Set.of("texted", "messaged", "sent", "dmed", "posted", "wrote",
            "tweeted");

    /**
     * The words by which an act's own phrase names someone else as the one it happens to: English pronouns, and the
     * Arabic himself and herself («نفسها», Levantine «حالو»: «بنتي … شكلها تجرح نفسها بالموس», my daughter seems to cut
     * herself, was thanked for telling of the writer's own thoughts of self-harm: the s55 QA pass).
     */
    private static final Set<String> ANOTHER = Set.of("him", "her", "his", "himself", "herself", "he", "hes", "she",
            "shes", "they", "theyre", "themselves", "نفسه", "نفسها", "حاله", "حالها", "حالو", "روحه", "روحها");
    /**
     * English verbs whose form says he or she is the one who wishes, when a wish starts with one and no subject stands
     * before it: "my friend is suicidal, wants to die" (answered "you're thinking about ending your life").
     */
    private static final Set<String> ANOTHERS_VERB = Set.of("wants", "wishes", "keeps", "says", "talks", "plans",
            "thinks", "tries", "hates", "needs");

    /**
     * The signal of a message whose words the lexicon knows as Arabic written in Latin letters, two words or more
     * ("baddi mout", "nheb nmout"): the person reads Arabic, though the detector heard English or Roman Urdu.
     */
    public static final String ARABIZI = "arabizi";
    /**
     * The signal of someone else's act told with their death and a time gone by ({@link #lossTold}): a loss told,
     * whose danger categories are dropped.
     */
    public static final String LOSS_TOLD = "loss-told";

    private final DistressLexicon lexicon;
    private final SharedWords sharedWords;

    public DistressDetector(DistressLexicon lexicon) {
        this.lexicon = lexicon;
        this.sharedWords = new SharedWords(lexicon.entries(), LanguageProfile.loadFromClasspath(), new TextNormaliser());
    }

    DistressLexicon lexicon() {
        return lexicon;
    }

    /** A digest of the lexicon's files (the risk model's card records the lexicon it was trained with). */
    public String lexiconSha256() {
        return lexicon.sha256();
    }

    public DistressAssessment assess(NormalisedText text) {
        List<DistressLexicon.Match> matches = sharedWords.withoutThem(lexicon.find(text), text);
        if (matches.isEmpty()) {
            return DistressAssessment.none();
        }
        int size = text.tokens().size();
        Clauses clauses = new Clauses(text, matches);
        // a topic lying wholly inside a longer phrase of distress is none: "khudkushi ke baare mein soch raha hoon"
        boolean[] topic = mask(matches, size, m -> isStandingTopic(m, matches));
        boolean[] masked = mask(matches, size, m -> is(m, DistressCategory.IDIOM) || isStandingTopic(m, matches));
        boolean[] phrases = mask(matches, size, m -> m.entry().category().isDistress());
        boolean[] past = mask(matches, size, m -> is(m, DistressCategory.PAST_ATTEMPT));
        boolean[] negatedStates = mask(matches, size, m -> is(m, DistressCategory.NEGATED_STATE));
        // a story's act holds the words of a wish too ("drama mein heroine ne zehar kha liya": "zehar kha")
        boolean[] narrated = mask(matches, size, m -> isNarrated(m.entry().category()) && clauses.inStory(m));
        // a means named inside an act's own phrase ("overdos*" in "overdosed") is the act's: its subject says whose
        boolean[] acts = mask(matches, size, m -> is(m, DistressCategory.ACT));
        Set<DistressCategory> seen = EnumSet.noneOf(DistressCategory.class);
        // what the risk model reads: not what a wish read with "and" joined gave (its training read them without)
        Set<DistressCategory> learned = EnumSet.noneOf(DistressCategory.class);
        Set<DistressCategory> cues = EnumSet.noneOf(DistressCategory.class);
        List<String> signals = new ArrayList<>();
        boolean ownWords = false;
        boolean someoneElses = false;
        RiskLevel risk = RiskLevel.NONE;
        boolean thirdPerson = false;
        boolean requestsHuman = false;
        boolean anyNegated = false;
        boolean anyPlain = false;
        // a recovery told, not denied ("i'm not doing better now" is none)
        boolean recovered = matches.stream().anyMatch(m -> is(m, DistressCategory.RECOVERED)
                && !isNegated(m, matches, masked, negatedStates, clauses));
        for (DistressLexicon.Match match : matches) {
            DistressCategory category = match.entry().category();
            RiskLevel severity = match.entry().severity();
            // an act made only by a verb read with "and" joined ("وبلعت حبوب كتير") is heard by the rules, and stays a
            // means for the risk model, which learnt its corpus without it (DistressLexicon#readsJoined)
            boolean actByJoinedVerb = false;
            if (category == DistressCategory.MEANS && clauses.takenIn(match, masked, negatedStates, false)) {
                category = DistressCategory.ACT;                  // "i swallowed 40 panadol", "drank the phenyl"
                severity = RiskLevel.IMMINENT;
                actByJoinedVerb = !clauses.takenIn(match, masked, negatedStates, true);
            }
            if (category == DistressCategory.TOPIC && !isStandingTopic(match, matches)) {
                continue;
            }
            if (category == DistressCategory.AGAIN) {
                // "i would never do it again" is not the thoughts back
                if (!inside(match, masked) && !isNegated(match, matches, masked, negatedStates, clauses)) {
                    cues.add(category);
                }
                continue;
            }
            if (category.isGuard() || KEPT_CUES.contains(category)) {
                cues.add(category);
            }
            // a past attempt's words mask the phrases in them ("kill myself" in "tried to kill myself"), not an intent:
            // in Roman Urdu and Urdu they are also those of the attempt to come ("khudkushi ki koshish karunga")
            if (category.isGuard() || category.isCue() && category != DistressCategory.THIRD_PERSON
                    || inside(match, masked)
                    || overlaps(match, topic) || category != DistressCategory.PAST_ATTEMPT
                    && category != DistressCategory.INTENT && overlaps(match, past)
                    || isNarrated(category) && clauses.inStory(match)
                    || inside(match, narrated)) {
                continue;
            }
            if (category == DistressCategory.THIRD_PERSON) {
                // "take care of my mom" is a goodbye, not someone else at risk; nor are "ammi's pills" swallowed
                thirdPerson |= !inside(match, phrases) && !ownerOfMeans(match, matches, clauses);
                continue;
            }
            if (category == DistressCategory.REQUEST_HUMAN) {
                requestsHuman = true;
                continue;
            }
            boolean negated = isNegated(match, matches, masked, negatedStates, clauses);
            if (category == DistressCategory.SELF_HARM && clauses.inStory(match)) {
                // self-harm told in a story ("in the drama the girl cuts her arm with a blade": read high once a
                // parent's "my son cuts his arm" was heard, s52) is the story's: no level of its own, and still a
                // feature for the risk model, which learnt its corpus with it
                if (!negated && !match.unlearned()) {
                    learned.add(category);
                }
                continue;
            }
            if (recovered && (category == DistressCategory.IDEATION || category == DistressCategory.INTENT
                    || category == DistressCategory.PASSIVE_IDEATION) && clauses.with(DistressCategory.LONG_AGO, match)
                    && !clauses.with(DistressCategory.TIMEFRAME, match)) {
                // thoughts told as long ago beside a recovery ("two years ago i wanted to die, now im much better"):
                // a story of recovery, read as an attempt long ago is (asked about, not an emergency: issue 9 §4)
                category = DistressCategory.PAST_ATTEMPT;
                severity = severity.atLeast(PAST) ? PAST : severity;
            }
            if ((category == DistressCategory.ACT || category == DistressCategory.SELF_HARM)
                    && !clauses.with(DistressCategory.TIMEFRAME, match)) {
                if (clauses.with(DistressCategory.LONG_AGO, match)) {
                    category = DistressCategory.PAST_ATTEMPT;
                    severity = severity.atLeast(PAST) ? PAST : severity;
                } else if (clauses.with(DistressCategory.WEEKS_AGO, match)) {
                    category = DistressCategory.PAST_ATTEMPT;           // a recent attempt, not one in progress
                    severity = severity.atLeast(RiskLevel.HIGH) ? RiskLevel.HIGH : severity;
                }
            }
            if (category == DistressCategory.PAST_ATTEMPT && justAttempted(match, matches, clauses)
                    || (category == DistressCategory.IDEATION || category == DistressCategory.INTENT)
                    && triedJustNow(match, matches, clauses)) {
                category = DistressCategory.ACT;                  // "i attempted suicide last night"
                severity = RiskLevel.IMMINENT;
            }
            if (negated && severity.atLeast(RiskLevel.LOW)) {
                severity = severity.lowered(RiskLevel.LOW);
                anyNegated = true;
                signals.add("negated:" + category.code() + ":" + match.entry().phrase());
            } else {
                seen.add(category);
                if (!match.unlearned()) {
                    learned.add(actByJoinedVerb ? DistressCategory.MEANS : category);
                }
                anyPlain |= category.isSelfHarmFamily();
                // whose it is: the nearest subject before it, read once for an act, a wish or a preparation
                DistressCategory subject = isDone(category) || saidOfOneself(category)
                        || category == DistressCategory.PREPARATION ? clauses.subjectOf(match) : null;
                ownWords |= !(category == DistressCategory.MEANS && inside(match, acts))
                        && ownWords(category, match, subject, clauses);
                someoneElses |= someoneElses(category, match, subject, clauses);
                signals.add(category.code() + ":" + match.entry().phrase());
                if (category == DistressCategory.MEANS && clauses.poisonToTake(match, masked, negatedStates)) {
                    seen.add(DistressCategory.IDEATION);          // "keep thinking of drinking the kerosene"
                    learned.add(DistressCategory.IDEATION);
                    anyPlain = true;
                    ownWords |= clauses.firstPersonInClauseBefore(match);
                    // "cousin says he's going to drink the pesticide"
                    someoneElses |= isSomeoneElse(clauses.subjectOf(match));
                    risk = RiskLevel.max(risk, RiskLevel.HIGH);
                    signals.add(DistressCategory.IDEATION.code() + ":to take " + match.entry().phrase());
                }
            }
            if (category != DistressCategory.MEANS && category != DistressCategory.TIMEFRAME
                    && category != DistressCategory.PLACE) {
                risk = RiskLevel.max(risk, severity);
            }
        }
        boolean[] idioms = mask(matches, size, m -> is(m, DistressCategory.IDIOM));
        boolean tellsDeath = matches.stream()
                .anyMatch(m -> DEATH_TOLD.contains(m.entry().category()) && !inside(m, idioms));
        DistressLexicon.Match follow = follow(matches, masked, negatedStates, clauses);
        if (follow != null && tellsDeath) {
            seen.add(DistressCategory.IDEATION);
            learned.add(DistressCategory.IDEATION);
            anyPlain = true;
            ownWords |= clauses.firstPersonInClauseBefore(follow)
                    || !clauses.with(DistressCategory.THIRD_PERSON, follow);
            risk = RiskLevel.max(risk, RiskLevel.HIGH);
            signals.add(DistressCategory.IDEATION.code() + ":to follow " + follow.entry().phrase());
        }
        DistressLexicon.Match toDie = clauses.amountToDie(masked, negatedStates);
        if (toDie != null) {
            seen.add(DistressCategory.METHOD_QUESTION);         // "kitna zeher chahiye marne ke liye"
            learned.add(DistressCategory.METHOD_QUESTION);
            anyPlain = true;
            risk = RiskLevel.max(risk, RiskLevel.HIGH);
            signals.add(DistressCategory.METHOD_QUESTION.code() + ":how much to " + toDie.entry().phrase());
        }
        if (matches.stream().anyMatch(DistressDetector::arabizi)) {
            signals.add(ARABIZI);
        }
        if (cues.contains(DistressCategory.AGAIN) && seen.contains(DistressCategory.PAST_ATTEMPT)) {
            seen.add(DistressCategory.PASSIVE_IDEATION);         // "tried two years ago, and this time i won't fail"
            learned.add(DistressCategory.PASSIVE_IDEATION);
            anyPlain = true;
            signals.add(AGAIN_AFTER_ATTEMPT);
        }
        risk = combine(risk, seen);
        // the person speaks of their own act or wish ("i took all the pills"): whoever else is named, it is theirs;
        // and a relative named beside no danger told in words ("letters to my mum and my sister", the risk read by the
        // model alone) is no one else at risk: unsure whose danger it is, the reply speaks to the person who wrote
        // an act, a wish or a preparation whose own words name him or her ("they got him down and hes not breathing",
        // "gf said she's going to jump"), or an act whose subject is someone else, is someone else's danger though no
        // one else is named before it
        // and what someone else says, texts or posts is theirs in a message without the first person where the
        // lexicon heard nothing but a means, a place or a time ("mera beta kehta hai exams ke baad train ke aagay aa
        // jaunga", read by the model alone, had been answered as the writer's own; the helpers' dev probe of 6
        // December); what it hears has its own subject ("mom keeps saying nobody cares. took 30 pills" is the writer's)
        if (!ownWords && someoneElses && lossTold(matches, idioms, acts, cues, clauses)
                && seen.stream().allMatch(ANOTHERS_DEATH::contains)) {
            // someone else's act told with their death and a time gone by is a loss told, not an act now ("my brother
            // took too many pills and died last month" had been read imminent: "call the police now"); the model's
            // reading of it is held as a death told's is (RiskRules.SecondOpinion#deathTold)
            signals.removeIf(s -> ANOTHERS_DEATH.stream().anyMatch(c -> s.startsWith(c.code() + ":")));
            signals.add(LOSS_TOLD);
            return new DistressAssessment(RiskLevel.NONE, Set.of(), learned, cues, true, false, requestsHuman, signals,
                    follow != null, true, false);
        }
        boolean reported = seen.stream().allMatch(c -> c == DistressCategory.MEANS
                || c == DistressCategory.PLACE || c == DistressCategory.TIMEFRAME) && clauses.reported()
                && clauses.toldInAReport(seen);
        thirdPerson = ((thirdPerson || someoneElses) && !seen.isEmpty() || reported) && !ownWords;
        return new DistressAssessment(risk, seen, learned, cues, thirdPerson, anyNegated && !anyPlain, requestsHuman,
                signals, follow != null, tellsDeath, ownWords);
    }

    /**
     * Whether a phrase of danger is the writer's own. A farewell always is: the lexicon holds farewells only as the
     * writer says them ("this is my last message", "ammi ko batana"), and "tell my mom i loved her" after one names the
     * mother as the one left behind, not as the one at risk. A wish, act or plan is when the first person stands right
     * before it; a means or a preparation when the first person stands anywhere before it in its clause ("i bought a
     * gun", "i've been saving up my pills"): whose pills a person saves can be far from who saves them. An act whose
     * own words name him or her ("i cut him down", "i got her down from the fan") was done to someone else, whoever
     * did it: the "i" before it is the one who found them (the s38 probe: "i just found my brother hanging in the
     * garage i cut him down" was asked "took something or hurt yourself?"). Otherwise an act is the writer's whose
     * nearest subject is the writer ("i took all my grandma's heart pills"), or a means taken in with no subject
     * before it at all ("swallowed like 40 panadol, my mom is asleep"), and someone else's whose nearest subject is
     * someone else ("he drank bleach"; the helpers' dev probe of 6 December). A past attempt is read as an act is,
     * and is the writer's with the first person before it: "my mom doesnt know i tried to kill myself" had been
     * answered as the mother's danger, and "she tried to kill herself" as the writer's (the s44 topic probe).
     */
    private static boolean ownWords(DistressCategory category, DistressLexicon.Match match, DistressCategory subject,
                                    Clauses clauses) {
        if (category == DistressCategory.GOODBYE) {
            return !clauses.reportedBySomeoneElse(match);
        }
        if (clauses.inSomeoneElsesMessage(match) || saidOfOneself(category) && clauses.quotedFromSomeoneElse(match)) {
            return false;
        }
        if (isDone(category) && (namesAnother(match) || isSomeoneElse(subject))) {
            return false;
        }
        if (category == DistressCategory.ACT && (subject == DistressCategory.FIRST_PERSON
                || clauses.takenWithNoSubject(match))) {
            return true;                                  // "i took all my grandma's heart pills"
        }
        if (category == DistressCategory.PAST_ATTEMPT) {
            // "my mom doesnt know i tried to kill myself last year": the mother is the one who does not know
            return subject == DistressCategory.FIRST_PERSON || clauses.firstPersonBefore(match);
        }
        if (category == DistressCategory.MEANS) {
            // "should i take away his medicines?" after his wish to die: the means are his, the writer a helper (the
            // s56 QA pass: thanked for telling of their own thoughts)
            return (clauses.firstPersonInClauseBefore(match) || clauses.firstPersonVerbAfter(match))
                    && !clauses.ownedByAnother(match);
        }
        if (category == DistressCategory.PREPARATION) {
            return clauses.firstPersonInClauseBefore(match) || clauses.firstPersonVerbAfter(match);
        }
        if (saidOfOneself(category) && !namesAnother(match)) {
            // a wish with no subject before it in its clause is the writer's, whoever an earlier clause named: "my
            // boyfriend left me, dont want to live anymore" had been answered "call one of these lines with him"
            // and one whose nearest subject is the writer, however far back in its clause («انا من ساعة ما اتخرجت …
            // وكنت هرمي نفسي بس اخويا الصغير صحي», I was going to throw myself but my little brother woke, was answered
            // "stay with him": the s54 QA pass)
            return clauses.firstPersonBefore(match) || subject == DistressCategory.FIRST_PERSON
                    || subject == null && !clauses.anotherNamedBefore(match) && !clauses.anothersVerbLeads(match);
        }
        return category.isSelfHarmFamily() && clauses.firstPersonBefore(match);
    }

    /**
     * Whether a phrase of danger is someone else's: an act or a preparation whose own words name him or her or whose
     * subject is someone else ("he drank bleach", "bhai kehta hai usne goliyan jama kar rakhi hain"); a wish or a plan
     * whose own words name him or her ("wants to kill herself"), or led by his or her verb after someone named ("my
     * friend is suicidal, wants to die").
     */
    private static boolean someoneElses(DistressCategory category, DistressLexicon.Match match,
                                        DistressCategory subject, Clauses clauses) {
        if (category == DistressCategory.GOODBYE) {
            return clauses.reportedBySomeoneElse(match);
        }
        if (clauses.inSomeoneElsesMessage(match) || saidOfOneself(category) && clauses.quotedFromSomeoneElse(match)) {
            return true;
        }
        if (isDone(category) || category == DistressCategory.PREPARATION) {
            return namesAnother(match) || isSomeoneElse(subject);
        }
        return saidOfOneself(category)
                && (namesAnother(match) || subject == null && clauses.anothersVerbLeads(match));
    }

    /**
     * A past attempt with a time within the last day in its clause, and no time long past ("tried to hang myself an
     * hour ago but the rope broke", "kal raat khudkushi ki koshish ki thi"): an act just done, whose injuries or
     * poison may still kill. Read as a past attempt it was {@code moderate} or {@code high}, and the bot asked a
     * screening question of someone who had tried the night before. The trying must be said in its words,
     * done ({@link DistressCategory#TRIED}: "tried to", "ki koshish ki", «حاولت», «کی کوشش کی»), or an act's own phrase
     * lie in them ("attempted suicide last night"): a phrase of danger alone is not enough, since "khudkushi ki
     * koshish" is also the attempt to come ("kal khudkushi ki koshish karunga", I'll try tomorrow) and one thought of
     * ("kal se khudkushi ki koshish ke baare mein soch raha hoon"); a tense alone is none ("kal raat khana kha liya
     * tha", I had eaten last night), and a medicine with it is a dose unless an amount makes it an act
     * ({@code Clauses#takenIn}). Whoever made it: "she attempted suicide last night" is her act, and the helper is
     * answered with the emergency first; a death told ("my brother killed himself last night") says no trying.
     */
    private static boolean justAttempted(DistressLexicon.Match match, List<DistressLexicon.Match> matches,
                                         Clauses clauses) {
        boolean tried = matches.stream().anyMatch(inner -> inner != match
                && inner.start() < match.end() && inner.end() > match.start()
                && (is(inner, DistressCategory.TRIED) || is(inner, DistressCategory.ACT)));
        return tried && justNow(match, clauses);
    }

    /**
     * A wish to die with trying right beside it ("tried to" before it, "ki koshish" after it: "i tried to die
     * yesterday", «البارحة حاولت أذبح نفسي», «کل اپنی جان لینے کی کوشش کی») and a time within the last day: an attempt
     * just made, as {@link #justAttempted}. Only right beside it: "tried to sleep last night and just wanted to die"
     * tried something else.
     */
    private static boolean triedJustNow(DistressLexicon.Match wish, List<DistressLexicon.Match> matches,
                                        Clauses clauses) {
        return matches.stream().anyMatch(t -> is(t, DistressCategory.TRIED)
                && (t.end() == wish.start() || wish.end() == t.start())) && justNow(wish, clauses);
    }

    /**
     * A time of the last hours or of the day before in the clause of {@code match}, and none long past. Not a near
     * time of the {@link DistressCategory#TIMEFRAME timeframe}s ("tonight", "aaj", «اليوم»): the lexicon the risk model
     * was trained with has those, and an attempt told beside one ("tried before, tonight i'll finish it") read as an
     * act changed what the model learns from its corpus (the fixed split of {@code RiskModelEvalTest}:
     * {@code imminent} recall 0.811 → 0.796).
     */
    private static boolean justNow(DistressLexicon.Match match, Clauses clauses) {
        return (clauses.with(DistressCategory.RECENT, match) || clauses.with(DistressCategory.YESTERDAY, match))
                && !clauses.with(DistressCategory.LONG_AGO, match) && !clauses.with(DistressCategory.WEEKS_AGO, match);
    }

    /** Whether a subject ({@link Clauses#subjectOf}) is someone else: a third person named or another's pronoun. */
    private static boolean isSomeoneElse(DistressCategory subject) {
        return subject == DistressCategory.OTHER_SUBJECT || subject == DistressCategory.THIRD_PERSON;
    }

    /**
     * An act or an attempt told as done: whose it is, its subject or its own words say ("he drank bleach", "she tried
     * to kill herself last year", "my mom doesnt know i tried to kill myself").
     */
    private static boolean isDone(DistressCategory category) {
        return category == DistressCategory.ACT || category == DistressCategory.PAST_ATTEMPT;
    }

    /** A wish, a plan, self-harm or hopelessness: said of oneself when no one else stands as its subject. */
    private static boolean saidOfOneself(DistressCategory category) {
        return category.isSelfHarmFamily() && category != DistressCategory.ACT
                || category == DistressCategory.HOPELESSNESS;
    }

    /**
     * Whether a phrase's own words name him, her or them as the one it happens to ("cut him down", "got her down
     * from", "hes not breathing", "they are not breathing"; "them" is left out: "i took them all" are the pills).
     */
    private static boolean namesAnother(DistressLexicon.Match match) {
        for (String word : match.entry().phrase().split(" ")) {
            if (ANOTHER.contains(word.replace("'", "").replace("\u2019", ""))) {    // "she's" as "shes"
                return true;
            }
        }
        return false;
    }

    /**
     * Raises the phrase-level risk when intent meets means, plan or timeframe (also used over a conversation). The wish
     * and the means or plan must be two things said: a plan and a method question count as both, and "i have a plan
     * for my revision tonight" alone is not intent + plan + time. Preparation told with hopelessness and a time is
     * {@code imminent} too, and so is a declared intent with a time, and so is preparation with a time where a phrase
     * {@code high} in its own words stands ({@code risk}, the highest phrase's level: pills counted out, a rope tied to
     * the fan, the place settled): the means is ready and the hour is said. A preparation that may be an errand
     * ("bought the rope", {@code moderate}) with a time and nothing else is not. A wish, even in the one word of
     * suicide, said with hopelessness and a time is {@code high}: "is suicide haram? asking because i cant take it
     * anymore, maybe tonight" was {@code low} in Arabic and {@code moderate} in Urdu (the s44 topic probe), a question
     * screened where the person had said the night.
     */
    static RiskLevel combine(RiskLevel risk, Set<DistressCategory> seen) {
        boolean wish = seen.stream().anyMatch(DistressCategory::isSelfHarmFamily);
        boolean twoSaid = seen.stream().filter(c -> c.isSelfHarmFamily() || c.isMeansOrPlan()).count() >= 2;
        boolean wishWithMeansOrPlan = twoSaid && wish && seen.stream().anyMatch(DistressCategory::isMeansOrPlan);
        boolean timeframe = seen.contains(DistressCategory.TIMEFRAME);
        // preparation made in despair ("i can't do this anymore", "i wrote letters to everyone") is a decision taken
        boolean preparedInDespair = seen.contains(DistressCategory.PREPARATION)
                && seen.contains(DistressCategory.HOPELESSNESS);
        boolean ready = seen.contains(DistressCategory.PREPARATION) && risk.atLeast(RiskLevel.HIGH);
        // a farewell beside the means made ready says now as a time does ("beti maaf kar dena, main ne kala pathar
        // mangwa liya hai": the hair-dye poison ordered, a goodbye to a daughter; the s57 QA pass had the crisis
        // reply with "if you are in danger")
        boolean farewell = seen.contains(DistressCategory.GOODBYE);
        // and a farewell that is high in its own words with a time now (a son locked in his room for two hours, a note
        // found saying «سامحوني», forgive me: the s58 QA pass had "if he is in danger now")
        boolean farewellNow = farewell && risk.atLeast(RiskLevel.HIGH) && timeframe;
        if (seen.contains(DistressCategory.ACT) || (wishWithMeansOrPlan || seen.contains(DistressCategory.INTENT)
                || preparedInDespair || ready) && timeframe || (preparedInDespair || ready) && farewell
                || farewellNow) {
            return RiskLevel.IMMINENT;
        }
        boolean hopeless = seen.contains(DistressCategory.HOPELESSNESS);
        if (wishWithMeansOrPlan || seen.contains(DistressCategory.PAST_ATTEMPT) && (wish || hopeless)
                || wish && hopeless && timeframe) {
            return RiskLevel.max(risk, RiskLevel.HIGH);
        }
        if ((seen.contains(DistressCategory.MEANS) || seen.contains(DistressCategory.PLACE)) && timeframe) {
            return RiskLevel.max(risk, RiskLevel.LOW);
        }
        return risk;
    }

    /**
     * Whether the message tells of a death ("died", "passed away", "mar gaya", «توفي») outside an idiom and outside
     * an act's own phrase, with a time gone by in its clause ({@link DistressCategory#PAST},
     * {@link DistressCategory#YESTERDAY}, {@link DistressCategory#LONG_AGO}: "died last month") and a phrase of the
     * act that ended the life within {@value #DEATH_SPAN} words of it ("took too many pills and died", "died last
     * year, he took too many pills"; a mother who "died of cancer in march" says nothing of the pesticide the writer
     * took many clauses later), and no time of the last hours anywhere ({@link DistressCategory#RECENT}: it may have
     * only just happened, and the emergency number comes first). A death in an act's phrase is feared, not told:
     * "took too many pills last night and i think he's dead" is an emergency.
     */
    private static boolean lossTold(List<DistressLexicon.Match> matches, boolean[] idioms, boolean[] acts,
                                    Set<DistressCategory> cues, Clauses clauses) {
        if (cues.contains(DistressCategory.RECENT)) {
            return false;
        }
        return matches.stream().anyMatch(m -> is(m, DistressCategory.DEATH) && !inside(m, idioms) && !inside(m, acts)
                && (clauses.with(DistressCategory.PAST, m) || clauses.with(DistressCategory.YESTERDAY, m)
                || clauses.with(DistressCategory.WEEKS_AGO, m) || clauses.with(DistressCategory.LONG_AGO, m))
                && matches.stream().anyMatch(d -> ANOTHERS_DEATH.contains(d.entry().category())
                && d.start() - m.end() <= DEATH_SPAN && m.start() - d.end() <= DEATH_SPAN));
    }

    /** How many words may stand between a death told and the act that ended the life: {@link #lossTold}. */
    private static final int DEATH_SPAN = 6;

    /** A phrase of the Arabic lexicon in Latin letters, two words or more: {@link #ARABIZI}. */
    private static boolean arabizi(DistressLexicon.Match match) {
        LexiconEntry entry = match.entry();
        return entry.language() == Language.AR && entry.tokens().size() >= 2
                && entry.phrase().chars().allMatch(c -> c < 128);
    }

    /**
     * The phrase of doing as someone did ("i want to do the same", "mera bhi dil karta hai wesa hi karun"), neither
     * negated ("i would never do the same") nor inside an idiom or a topic; {@code null} when there is none. It is a
     * wish to follow only beside a death or a suicide told ({@link #DEATH_TOLD}: a death, or a wish, an act or an
     * attempt told of anyone, in a story or the news too, but not the words of an idiom: "my phone died"),
     * here or earlier in the conversation: "my friend moved to Dubai, I want to do the same" tells no death.
     */
    private static DistressLexicon.Match follow(List<DistressLexicon.Match> matches, boolean[] masked,
                                                boolean[] negatedStates, Clauses clauses) {
        for (DistressLexicon.Match match : matches) {
            if (is(match, DistressCategory.FOLLOW) && !overlaps(match, masked)
                    && !isNegated(match, matches, masked, negatedStates, clauses)) {
                return match;
            }
        }
        return null;
    }

    private static boolean[] mask(List<DistressLexicon.Match> matches, int size,
                                  java.util.function.Predicate<DistressLexicon.Match> claims) {
        boolean[] masked = new boolean[size];
        for (DistressLexicon.Match match : matches) {
            if (claims.test(match)) {
                for (int i = match.start(); i < match.end(); i++) {
                    masked[i] = true;
                }
            }
        }
        return masked;
    }

    /**
     * Events a story or the news can tell: an act, an attempt. Wishes are never discounted by a topic nearby, unless
     * their words lie wholly inside such an act. Self-harm told in a story is the story's too, for the rules only
     * ({@code assess}).
     */
    private static boolean isNarrated(DistressCategory category) {
        return category == DistressCategory.ACT || category == DistressCategory.PAST_ATTEMPT;
    }

    private static boolean is(DistressLexicon.Match match, DistressCategory category) {
        return match.entry().category() == category;
    }

    /**
     * A topic mention that stands as one: not lying wholly inside a longer phrase of distress ("khudkushi ke baare
     * mein soch raha hoon", thinking about suicide, is a thought of one's own).
     */
    private static boolean isStandingTopic(DistressLexicon.Match topic, List<DistressLexicon.Match> matches) {
        if (!is(topic, DistressCategory.TOPIC)) {
            return false;
        }
        for (DistressLexicon.Match other : matches) {
            if (other.entry().category().isDistress() && other.length() > topic.length()
                    && other.start() <= topic.start() && other.end() >= topic.end()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The clauses of a message: those sentence punctuation starts ({@link NormalisedText#clauseStarts()}) and those a
     * {@linkplain DistressCategory#CLAUSE clause word} starts, at its last word.
     */
    private static final class Clauses {

        /** How far before a phrase the first person may stand: "i took", "i just took", "maine saari goliyan". */
        private static final int SUBJECT_WINDOW = 2;
        /**
         * English "take" for a question of how much: not a verb of taking in elsewhere, where "take the rat poison out
         * of the kitchen" would be a wish to take a poison.
         */
        private static final Set<String> TAKING = Set.of("take", "taking", "takes");
        /** How far after a question of quantity its word of dying may stand. */
        private static final int ASKED_SPAN = 12;
        /** A number of tablets that is an overdose told, not a dose: "i took 40 panadol". */
        private static final int MANY = 10;

        private final NormalisedText text;
        private final List<DistressLexicon.Match> matches;
        private final boolean[] starts;

        Clauses(NormalisedText text, List<DistressLexicon.Match> matches) {
            this.text = text;
            this.matches = matches;
            this.starts = new boolean[text.tokens().size() + 1];
            for (DistressLexicon.Match match : matches) {
                if (match.entry().category() == DistressCategory.CLAUSE) {
                    starts[match.end() - 1] = true;
                }
            }
        }

        /** Whether a clause starts at any token in {@code (from, to]}. */
        boolean breakBetween(int from, int to) {
            for (int i = from + 1; i <= to; i++) {
                if (starts[i]) {
                    return true;
                }
            }
            return text.clauseBreakBetween(from, to);
        }

        /** Whether a cue of {@code cueCategory} stands in the same clause as {@code phrase}, before or after it. */
        boolean with(DistressCategory cueCategory, DistressLexicon.Match phrase) {
            for (DistressLexicon.Match cue : matches) {
                if (is(cue, cueCategory) && sameClause(cue.start(), phrase.start())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether {@code means} was taken in as an act: a verb of taking in ({@link DistressCategory#INGESTED}) that
         * no negation lowers stands in its clause, and the means is a {@linkplain #isPoison poison} (harmful in any
         * amount, "i drank the phenyl") or an amount stands there too (a cue outside an idiom, or a number of at least
         * {@value #MANY}: "i took 40 panadol", where "i took a panadol" is a dose, and so is «اخذت دوا الضغط كل يوم»,
         * every day).
         */
        boolean takenIn(DistressLexicon.Match means, boolean[] masked, boolean[] negatedStates, boolean learnedOnly) {
            return verbInClause(DistressCategory.INGESTED, means, masked, negatedStates, learnedOnly)
                    && (isPoison(means) || amountInClause(means, masked) || manyInClause(means.start()));
        }

        /** Whether an amount that no idiom masks stands in the clause of {@code means}. */
        private boolean amountInClause(DistressLexicon.Match means, boolean[] masked) {
            for (DistressLexicon.Match cue : matches) {
                if (is(cue, DistressCategory.AMOUNT) && !inside(cue, masked)
                        && sameClause(cue.start(), means.start())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether {@code means} is a {@linkplain #isPoison poison} with a verb of taking in not yet done
         * ({@link DistressCategory#TO_INGEST}) in its clause that no negation lowers: nobody means to drink a poison
         * but to hurt themselves ("zehar pee lunga", "thinking of drinking the kerosene"), unless a story is told in the
         * clause ("in the drama she drinks the poison") and the wish is not the person's own, whose subject may stand
         * far from it ("since that documentary i keep thinking of drinking the kerosene" is). A medicine so named is a
         * dose.
         */
        boolean poisonToTake(DistressLexicon.Match means, boolean[] masked, boolean[] negatedStates) {
            return isPoison(means) && verbInClause(DistressCategory.TO_INGEST, means, masked, negatedStates, false)
                    && (!with(DistressCategory.TOPIC, means) || firstPersonInClauseBefore(means));
        }

        /** A means of severity {@code moderate} or more in the lexicon: rat poison, bleach, phenyl, زہر, سم. */
        private static boolean isPoison(DistressLexicon.Match means) {
            return means.entry().severity().atLeast(RiskLevel.MODERATE);
        }

        /** Whether a cue of {@code verb} that no negation lowers stands in the clause of {@code means}. */
        private boolean verbInClause(DistressCategory verb, DistressLexicon.Match means, boolean[] masked,
                                     boolean[] negatedStates, boolean learnedOnly) {
            for (DistressLexicon.Match cue : matches) {
                if (cue.entry().category() == verb && !(learnedOnly && cue.unlearned())
                        && sameClause(cue.start(), means.start())
                        && !isNegated(cue, matches, masked, negatedStates, this)) {
                    return true;
                }
            }
            return false;
        }

        private boolean manyInClause(int at) {
            List<String> tokens = text.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                if (isMany(tokens.get(i)) && sameClause(i, at)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isMany(String token) {
            if (token.isEmpty() || token.length() > 4) {
                return false;
            }
            for (int i = 0; i < token.length(); i++) {
                if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                    return false;
                }
            }
            return Integer.parseInt(token) >= MANY;
        }

        private boolean sameClause(int a, int b) {
            return !breakBetween(Math.min(a, b), Math.max(a, b));
        }

        /**
         * Whether {@code act} is told in a story: a topic (a drama, the news, a film) stands in its clause and the
         * act is not the person's own ("drama mein heroine ne zehar kha liya"); "after the movie i swallowed 30
         * panadol" is an act of the person's, whatever they watched first.
         */
        boolean inStory(DistressLexicon.Match act) {
            return with(DistressCategory.TOPIC, act) && !firstPersonBefore(act);
        }

        /**
         * The category of the nearest subject before {@code act} in its clause (first person, someone else, a third
         * person named); for a means taken in, before the verb of taking in nearest before it, where one stands; null
         * when none does. "she took all of mums sleeping tablets", "ammi ne chohay maar dawai kha li", "grandma isnt
         * breathing": someone else; "i took all of my mom pills": the writer.
         */
        DistressCategory subjectOf(DistressLexicon.Match act) {
            int at = anchor(act);
            DistressLexicon.Match nearest = null;
            for (DistressLexicon.Match cue : matches) {
                if ((isSubject(cue) || carriesSubject(cue) && !saidByWriter(cue)) && cue.end() <= at
                        && !breakBetween(cue.start(), at) && !possessor(cue)
                        && (nearest == null || cue.end() > nearest.end())) {
                    nearest = cue;
                }
            }
            if (nearest == null) {
                return null;
            }
            // a verb of saying in Urdu or Arabic carries its subject: "behen keh rahi hai kalai kaat li hai"
            return nearest.entry().category() == DistressCategory.REPORT ? DistressCategory.OTHER_SUBJECT
                    : nearest.entry().category();
        }

        /**
         * Whether {@code cue} is followed by the Urdu possessive: whose something is («امی کی گولیاں», ammi's pills),
         * not who did it.
         */
        boolean possessor(DistressLexicon.Match cue) {
            return cue.end() < text.tokens().size() && POSSESSIVE.contains(text.tokens().get(cue.end()));
        }

        /**
         * Whether {@code act} is a means taken in with no subject anywhere before it in the message: the subject left
         * out is the writer ("swallowed like 40 panadol an hour ago, my mom is asleep", «شربت سم فيران، أمي نايمة»).
         * Only a means taken in: "isnt breathing, my brother took pills" tells of someone who cannot write it.
         */
        boolean takenWithNoSubject(DistressLexicon.Match act) {
            if (act.entry().category() != DistressCategory.MEANS) {
                return false;
            }
            int at = anchor(act);
            return matches.stream().noneMatch(cue -> isSubject(cue) && cue.end() <= at);
        }

        /**
         * Whether a phrase that names him, her or them starts at or before {@code phrase} in its clause: "gf said she's
         * going to jump off the building" ("going to jump off" has no subject of its own, "she's going to jump" does).
         */
        boolean anotherNamedBefore(DistressLexicon.Match phrase) {
            return matches.stream().anyMatch(m -> m != phrase && m.start() <= phrase.start()
                    && sameClause(m.start(), phrase.start()) && namesAnother(m));
        }

        /**
         * Whether {@code phrase} starts with a verb in his or her form ({@link #ANOTHERS_VERB}) and someone else is
         * named before it in the message: "my friend is suicidal, wants to die". A bare "wants to die" is not enough.
         */
        boolean anothersVerbLeads(DistressLexicon.Match phrase) {
            return ANOTHERS_VERB.contains(text.pairedTokens().get(phrase.start()))
                    && matches.stream().anyMatch(cue -> cue.end() <= phrase.start()
                    && isSomeoneElse(cue.entry().category()));
        }

        /**
         * The word of dying in a question of how much it takes to die: a {@link DistressCategory#HOW_MUCH} cue, then
         * something taken in ({@link #takenBetween}), then, within {@value #ASKED_SPAN} words of the question and no
         * negation lowering it, a {@link DistressCategory#DYING} cue ("how many of my sertraline would i need so i
         * dont wake up",
         * «شكد لازم اشرب من دوا الفار حتى اموت», "kitna zeher chahiye marne ke liye"); null when there is none.
         * Not "how many people die of paracetamol each year" (nothing taken between) nor "how many panadol can i
         * take so i dont die" (the dying negated).
         */
        DistressLexicon.Match amountToDie(boolean[] masked, boolean[] negatedStates) {
            for (DistressLexicon.Match asked : matches) {
                if (asked.entry().category() != DistressCategory.HOW_MUCH || masked[asked.start()]) {
                    continue;
                }
                for (DistressLexicon.Match dying : matches) {
                    if (dying.entry().category() == DistressCategory.DYING && !masked[dying.start()]
                            && dying.start() >= asked.end() && dying.start() - asked.end() <= ASKED_SPAN
                            && takenBetween(asked, dying)
                            && !isNegated(dying, matches, masked, negatedStates, this)) {
                        return dying;
                    }
                }
            }
            return null;
        }

        /**
         * Whether something is taken in between the question and its dying: a means or an amount, or a verb of taking
         * in ("how much weedkiller would someone have to swallow to die", "kitni khani paregi marne ke liye"); a
         * means may also stand before the question in its clause ("chooha maar dawai kitni khani paregi"). "how many
         * more people have to die" takes nothing in.
         */
        private boolean takenBetween(DistressLexicon.Match asked, DistressLexicon.Match dying) {
            for (DistressLexicon.Match m : matches) {
                DistressCategory c = m.entry().category();
                boolean taken = c == DistressCategory.MEANS || c == DistressCategory.AMOUNT
                        || c == DistressCategory.INGESTED || c == DistressCategory.TO_INGEST;
                if (taken && m.end() <= dying.start()
                        && (m.start() >= asked.start() || sameClause(m.start(), asked.start()))) {
                    return true;
                }
            }
            for (int i = asked.end(); i < dying.start(); i++) {
                if (TAKING.contains(text.pairedTokens().get(i))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the message reports someone else ({@link DistressCategory#REPORT}) and has no first person in it but
         * the writer's worry for them ({@link DistressCategory#WORRY}): an English report counts after a third person
         * or another's subject in its clause ("my friend texted me", not "said goodbye to everyone"); the Urdu and
         * Arabic ones carry their subject in the verb ("kehta hai", «قال»).
         */
        boolean reported() {
            boolean report = false;
            for (DistressLexicon.Match cue : matches) {
                DistressCategory category = cue.entry().category();
                if (category == DistressCategory.FIRST_PERSON && !inWorry(cue)) {
                    return false;
                }
                report |= category == DistressCategory.REPORT
                        && (cue.entry().language() != Language.EN || someoneElseBefore(cue));
            }
            return report;
        }

        /**
         * Whether every phrase of {@code kinds} stands after a verb of saying in its clause: what was reported. The
         * s57 QA pass: "failed all my a levels, dad said dont bother coming home. sitting on the platform now, the
         * fast train comes through in 10 min" was answered as a helper's ("say where they are"), the father's words
         * taken for the whole message.
         */
        boolean toldInAReport(Set<DistressCategory> kinds) {
            return matches.stream().filter(m -> kinds.contains(m.entry().category()))
                    .allMatch(m -> reportedBy(m, cue -> true));
        }

        /**
         * Whether a goodbye is someone else's, told as theirs: someone else's report stands before it in its clause
         * ("my friend posted goodbye everyone", "he texted me goodbye forever", "usne story lagai hai 'goodbye
         * everyone'"), an English one after someone else named, another language's with no "i" as its subject
         * ("maine story lagai" is the writer's own). The s51 QA pass: a friend's goodbye in a hostel was answered as
         * the writer's ("are you safe?").
         */
        boolean reportedBySomeoneElse(DistressLexicon.Match goodbye) {
            return reportedBy(goodbye, cue -> true);
        }

        /**
         * Whether a phrase stands in someone else's written message, after it in its clause: "my roommate just texted
         * me 'i have a plan and i'm doing it tonight'" (the quotes are gone by now) had "Thank you for telling me
         * you're thinking about ending your life" and was never told what to do for the roommate (the s55 QA pass).
         * The "i" in it is theirs. English only: Urdu's and Arabic's verbs of saying carry their subject already.
         */
        boolean inSomeoneElsesMessage(DistressLexicon.Match phrase) {
            return reportedBy(phrase, cue -> cue.entry().language() == Language.EN
                    && WRITTEN.contains(cue.entry().tokens().get(0)));
        }

        /**
         * Whether a report of {@code kind} by someone else stands before {@code phrase} in its clause: an English one
         * after someone else named, another language's with no "i" as its subject.
         */
        private boolean reportedBy(DistressLexicon.Match phrase, Predicate<DistressLexicon.Match> kind) {
            for (DistressLexicon.Match cue : matches) {
                if (is(cue, DistressCategory.REPORT) && kind.test(cue) && cue.end() <= phrase.start()
                        && (sameClause(cue.start(), phrase.start()) || quotedAfter(cue, phrase))
                        && (cue.entry().language() == Language.EN ? someoneElseBefore(cue)
                        : subjectOf(cue) != DistressCategory.FIRST_PERSON)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether a wish stands in someone else's words, told as they said them: after a verb of saying in Urdu, Roman
         * Urdu or Arabic whose subject is not the writer, in its clause ("meri cousin ne bathroom lock kar liya hai,
         * kehti thi mujhe mar jana hai", «اخويه … كاعد يصيح راح اذب نفسي»: the s57 QA pass answered both as the
         * writer's own danger, "go to a safer place"). Those languages report speech as it was said, so its "I" is the
         * speaker's. Not a "should" ("log kehte hain ke mujhe mar jana chahiye", people say I should die; «لازم»):
         * that is said to the writer, and its hurt is the writer's.
         */
        boolean quotedFromSomeoneElse(DistressLexicon.Match wish) {
            if (wish.entry().language() == Language.EN) {
                return false;
            }
            // a "should" within two words of the wish, either side ("mar jana chahiye", «لازم تموت»)
            for (int i = Math.max(0, wish.start() - 2); i < Math.min(wish.end() + 2, text.tokens().size()); i++) {
                if (SHOULD.contains(text.tokens().get(i))) {
                    return false;
                }
            }
            return reportedBy(wish, cue -> cue.entry().language() != Language.EN && !saidByWriter(cue)
                    && !saidByATopic(cue));
        }

        /**
         * Whether a song, a film or the news is what says it: a topic's words right before the verb of saying
         * («بسمع اغنية بتقول انا عايز اموت وانا بعيط», listening to a song that says "I want to die" and crying, the
         * s58 QA pass: answered as someone else's danger, "call with them"). Its "I" is no one else at risk: the wish
         * is read as English reads "a song that says i want to die", by its own subject.
         */
        private boolean saidByATopic(DistressLexicon.Match cue) {
            return matches.stream().anyMatch(m -> m.entry().category() == DistressCategory.TOPIC
                    && m.end() <= cue.start() && cue.start() - m.end() <= 1 && sameClause(m.start(), cue.start()));
        }

        /** Whether {@code cue} lies inside the writer's worry for someone ("i'm scared", "mujhe dar hai"). */
        private boolean inWorry(DistressLexicon.Match cue) {
            return matches.stream().anyMatch(m -> m.entry().category() == DistressCategory.WORRY
                    && m.start() <= cue.start() && m.end() >= cue.end());
        }

        /**
         * Whether {@code phrase} stands in a quotation that opens after {@code cue} in its clause: the quoted words
         * may have clauses of their own ("my friend texted me 'sorry, this is my last message'", «رفيقي كتبلي "سامحني،
         * هاي آخر رسالة"», the s58 QA pass: answered as the writer's own goodbye). A clause that starts where the
         * quotation opens ("he wrote: 'bye, …'") is the quotation's.
         */
        private boolean quotedAfter(DistressLexicon.Match cue, DistressLexicon.Match phrase) {
            for (NormalisedText.Quotation q : text.quotations()) {
                if (q.from() >= cue.end() && q.from() <= phrase.start() && phrase.start() < q.to()
                        && !breakBetween(cue.start(), q.from() - 1)) {
                    return true;
                }
            }
            return false;
        }

        private boolean someoneElseBefore(DistressLexicon.Match cue) {
            return matches.stream().anyMatch(m -> isSomeoneElse(m.entry().category()) && m.end() <= cue.start()
                    && sameClause(m.start(), cue.start()));
        }

        /** Where an act's subject is looked for: for a means taken in, its verb nearest before it in its clause. */
        private int anchor(DistressLexicon.Match act) {
            int verbAt = -1;          // "we had a patient who drank it": "drank", not "had"
            for (DistressLexicon.Match verb : matches) {
                if (act.entry().category() == DistressCategory.MEANS
                        && verb.entry().category() == DistressCategory.INGESTED && verb.start() < act.start()
                        && verb.start() > verbAt && sameClause(verb.start(), act.start())) {
                    verbAt = verb.start();
                }
            }
            return verbAt >= 0 ? verbAt : act.start();
        }

        private static boolean isSubject(DistressLexicon.Match cue) {
            DistressCategory c = cue.entry().category();
            return c == DistressCategory.FIRST_PERSON || c == DistressCategory.OTHER_SUBJECT
                    || c == DistressCategory.THIRD_PERSON;
        }

        /**
         * A verb of saying in Urdu or Arabic, which carries its subject ("kehti hai", «کہہ رہی ہے», «قالت»; see
         * {@link #reported}): in its clause, what follows it is someone else's. Not the English ones: "said" and
         * "wrote" name no one.
         */
        private static boolean carriesSubject(DistressLexicon.Match cue) {
            return cue.entry().category() == DistressCategory.REPORT && cue.entry().language() != Language.EN;
        }

        /** Whether a verb of saying is the writer's own: «میں نے کہا» (I said) holds «نے کہا» (said). */
        private boolean saidByWriter(DistressLexicon.Match report) {
            return matches.stream().anyMatch(m -> m.entry().category() == DistressCategory.FIRST_PERSON
                    && m.start() < report.end() && report.start() < m.end());
        }

        /** Whether the first person stands right before {@code phrase} (or begins it) in its clause. */
        boolean firstPersonBefore(DistressLexicon.Match phrase) {
            return firstPersonBefore(phrase, SUBJECT_WINDOW);
        }

        /**
         * Whether the first person stands anywhere before {@code phrase} in its clause: the subject of a wish to take a
         * poison may be far from it ("i keep thinking of drinking the kerosene").
         */
        boolean firstPersonInClauseBefore(DistressLexicon.Match phrase) {
            return firstPersonBefore(phrase, Integer.MAX_VALUE);
        }

        /**
         * Whether the Urdu verb after {@code phrase} in its clause is the writer's: "hoon", «ہوں» (I am, I have) ends
         * the clause of a subject left out ("kala pathar le aayi hoon", I have brought the hair-dye poison). The s56 QA
         * pass: a mother's "kala pathar le aayi hoon, ab sab khatam. meri beti ko bata dena …" was answered as a helper
         * ("say where they are, stay with them"): the daughter named after it was taken for the one at risk.
         */
        boolean firstPersonVerbAfter(DistressLexicon.Match phrase) {
            List<String> tokens = text.tokens();
            // a step at a time to the clause's end: each word is looked at once, however long the message
            for (int i = phrase.start() + 1; i < tokens.size() && !breakBetween(i - 1, i); i++) {
                if (i >= phrase.end() && FIRST_PERSON_VERBS.contains(tokens.get(i))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the word right before {@code means} says whose they are, someone else's: "his", "her", "unki". */
        boolean ownedByAnother(DistressLexicon.Match means) {
            return means.start() > 0 && ANOTHERS.contains(text.tokens().get(means.start() - 1));
        }

        private boolean firstPersonBefore(DistressLexicon.Match phrase, int window) {
            for (DistressLexicon.Match cue : matches) {
                if (cue.entry().category() == DistressCategory.FIRST_PERSON && cue.start() <= phrase.start()
                        && phrase.start() - cue.end() <= window
                        && !breakBetween(cue.start(), phrase.start())) {
                    return true;
                }
            }
            return false;
        }
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
     * or, for Urdu and Roman Urdu, whose verbs come last, right after it ("khudkushi nahi karunga"). A negation
     * inside a negated state ("not okay", "theek nahi") or inside another phrase of distress already has its word and
     * lowers nothing.
     */
    private static boolean isNegated(DistressLexicon.Match target, List<DistressLexicon.Match> matches,
                                     boolean[] masked, boolean[] negatedStates, Clauses clauses) {
        for (DistressLexicon.Match cue : matches) {
            if (cue.entry().category() != DistressCategory.NEGATION || masked[cue.start()]
                    || negatedStates[cue.start()] || wordOfAnotherPhrase(cue, target, matches)) {
                continue;
            }
            boolean before = cue.end() <= target.start() && target.start() - cue.end() < NEGATION_WINDOW
                    && !clauses.breakBetween(cue.start(), target.start());
            boolean after = verbFinal(target.entry().language()) && verbFinal(cue.entry().language())
                    && cue.start() >= target.end() && cue.start() - target.end() <= 1
                    && !clauses.breakBetween(target.start(), cue.start());
            if (before || after) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a negation is a word of a phrase of distress apart from {@code target} ("ab bardasht nahi hota, jeena
     * nahi chahti": the first "nahi" belongs to "bardasht nahi hota" and is no "not" before the wish).
     */
    private static boolean wordOfAnotherPhrase(DistressLexicon.Match cue, DistressLexicon.Match target,
                                               List<DistressLexicon.Match> matches) {
        for (DistressLexicon.Match phrase : matches) {
            boolean apart = phrase.end() <= target.start() || phrase.start() >= target.end();
            if (apart && phrase.entry().category().isDistress() && phrase.length() > cue.length()
                    && phrase.start() <= cue.start() && phrase.end() >= cue.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a third person named is only whose the means are: the Urdu possessive right after it and a means or an
     * act within a few words («میں نے ابھی امی کی ساری نیند کی گولیاں کھا لی ہیں», I've just taken all of ammi's
     * sleeping pills, was answered as a helper told to stay with "them": the s54 QA pass). The cue stays a cue for
     * the risk model, which learnt its corpus with it; only whose danger it is changes.
     */
    private static boolean ownerOfMeans(DistressLexicon.Match cue, List<DistressLexicon.Match> matches,
                                        Clauses clauses) {
        return clauses.possessor(cue) && matches.stream().anyMatch(m -> (is(m, DistressCategory.MEANS)
                || is(m, DistressCategory.ACT)) && m.start() > cue.end() && m.start() - cue.end() <= OWNER_SPAN);
    }

    /** "Should", as normalised (Roman Urdu, Urdu «چاہیے», Arabic «لازم», «يجب»): a wish said to someone, not one's own. */
    private static final Set<String> SHOULD = Set.of("chahiye", "chahye", "chaiye", "chahie",
            "\u0686\u0627\u0647\u064A\u064A", "\u0644\u0627\u0632\u0645", "\u064A\u062C\u0628");

    /** The Urdu "am", "have" of the first person as normalised ("hoon", «ہوں»): the verb that ends its clause. */
    private static final Set<String> FIRST_PERSON_VERBS = Set.of("hoon", "hun", "hu", "hn", "hoo", "\u0647\u0648\u06BA");

    /** Someone else's, said right before a means: "his medicines", "her pills", "unki dawaiyan". */
    private static final Set<String> ANOTHERS = Set.of("his", "her", "their", "uski", "unki", "uske", "unke");

    /** The Urdu possessive as normalised («کی», «کا», «کے»; "ki", "ka", "ke" in Roman Urdu). */
    private static final Set<String> POSSESSIVE = Set.of("كي", "كا", "ki", "ka", "ke", "kay");
    /** How far after the possessive the means may start: "ammi ki saari neend ki goliyan". */
    private static final int OWNER_SPAN = 4;

    private static boolean verbFinal(Language language) {
        return language == Language.UR || language == Language.ROMAN_UR;
    }
}
