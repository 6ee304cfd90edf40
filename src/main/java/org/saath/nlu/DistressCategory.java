package org.saath.nlu;

import java.util.Locale;

/** What a lexicon phrase tells about a message; see {@link DistressDetector} for how they combine. */
public enum DistressCategory {
    IDEATION, PASSIVE_IDEATION, SELF_HARM, PLAN, MEANS, TIMEFRAME, GOODBYE, CODED, HOPELESSNESS,
    /**
     * A declared intent to act, told in the future ("i'm going to kill myself", "khudkushi kar lunga", "سأنهي حياتي"):
     * a wish said as a decision. With a time ("tonight", "aaj raat", "الليلة") it is {@code imminent}.
     */
    INTENT,
    /** An act in progress or just done: pills swallowed, bleeding, standing at the edge. */
    ACT,
    /** Getting ready without naming it: buying a rope, collecting pills, a will, giving things away. */
    PREPARATION,
    /** A chosen place: a roof, a bridge, a railway track, a river. Like a means, a signal on its own. */
    PLACE,
    /** Asking how: which dose, how many, which way hurts least. */
    METHOD_QUESTION,
    /** A past attempt ("tried to kill myself last year"); its words are not read again as a wish today. */
    PAST_ATTEMPT,
    /**
     * A topic, not a self: "a documentary about suicide", "suicide prevention week", a film title. Masked before
     * distress phrases are matched, like an idiom.
     */
    TOPIC,
    /** A cue that the person writes about someone else ("my brother"). */
    THIRD_PERSON,
    /** A negation cue ("not", "nahi", "لا") that lowers the distress phrase right after it. */
    NEGATION,
    /**
     * A time long past ("years ago", "do saal pehle", "قبل سنوات"): an act or self-harm told in its clause is a past
     * attempt, not one in progress. Never minutes, hours or days: an overdose two days ago still needs a doctor.
     */
    LONG_AGO,
    /**
     * Weeks or a month ago ("last week", "pichle mahine", «الأسبوع الماضي»): an act or self-harm told in its clause is a
     * past attempt, and a recent one, so {@code high} at most, not {@code imminent} ("i overdosed last week, home from
     * the hospital now" had the ambulance first); a death told with it is a loss.
     */
    WEEKS_AGO,
    /**
     * A word that opens a new clause where no punctuation marks one ("but", "and then", "lekin", "لكن"); the clause
     * starts at its last word. A negation, a topic, a time long past or a third person does not reach across it:
     * "i know it's haram but i drank the poison".
     */
    CLAUSE,
    /**
     * A negation that already has its word ("not okay", "theek nahi", "مش كويس"): it lowers nothing after it,
     * "i'm not okay i want to die" is a wish to die.
     */
    NEGATED_STATE,
    /**
     * The person as the subject right before a phrase ("i", "maine", "مجھے"): that phrase is about them, whoever else
     * the message names ("please take care of my mom, i took all the pills").
     */
    FIRST_PERSON,
    /**
     * Someone else as the subject ("she", "grandma", "usne", «هو»): an act whose nearest subject before it, in its
     * clause, is someone else ("he drank bleach", "grandma took all her heart pills") is theirs; elsewhere it says
     * nothing (not the bare "ammi" or "wo": "maine ammi ki saari goliyan kha li" is the writer's own act).
     */
    OTHER_SUBJECT,
    /**
     * Taking something in, done ("swallowed", "took", "kha li", "بلعت"): with a means and an amount in its clause it is
     * an act ("i swallowed 40 panadol"); with a means alone it is not ("i took panadol for my headache").
     */
    INGESTED,
    /**
     * Taking something in, not done ("drink", "drinking", "pee lunga", "پی لوں", "أشرب"): with a poison in its clause
     * it is a wish to take it ("keep thinking of drinking the kerosene"); with a medicine it is nothing.
     */
    TO_INGEST,
    /** How much ("all", "a whole pack", "saari", "پوری", "علبة"); a number of ten or more counts too. */
    AMOUNT,
    /**
     * A question of quantity ("how many", "kitni", "کتنی", «شكد», «قداه», "enough to"): with something taken in and
     * then {@link #DYING} after it, a method question ("kitna zeher chahiye marne ke liye").
     */
    HOW_MUCH,
    /** Dying as a purpose or a result ("to die", "so i dont wake up", "marne", «عشان اموت», «باش مانفيقش»). */
    DYING,
    /**
     * Doing as someone did ("do the same", "wesa hi karun", "أعمل متلها", "be with him"): nothing on its own ("my
     * friend moved to Dubai, I want to do the same"); told beside a death or a suicide it is a wish to follow.
     */
    FOLLOW,
    /**
     * Someone telling or sending something ("says", "told me", "texted me", "kehta hai", "ne msg kiya", «قال»,
     * «بعتلي»): in a message without the first person, what the model hears in it is theirs ("my son says after the
     * exams he'll go in front of the train"). An English one counts after someone else named in its clause.
     */
    REPORT,
    /**
     * The writer's worry for someone ("i'm scared", "mujhe dar hai", «انا خايفة»): its first person does not make a
     * {@link #REPORT reported} danger the writer's own ("my dad gave away his watch … i'm scared he's going to …").
     */
    WORRY,
    /** Someone's death or suicide told ("died", "took her life", "jaan de di", "انتحر"): a cue for {@link #FOLLOW}. */
    DEATH,
    /**
     * A time gone by, days ("days ago", "din pehle", «قبل أيام»), or a month named ("in june"): a {@link #DEATH death}
     * told with it, with {@link #YESTERDAY}, {@link #WEEKS_AGO} or {@link #LONG_AGO}, is a loss, not an act now; an act
     * told with it is still an act (an overdose two days ago needs a doctor).
     */
    PAST,
    /**
     * The day before ("yesterday", "last night", "kal raat", «امبارح», «کل رات»): a death told with it is a loss, as
     * with {@link #PAST}; an attempt told with it was just made, as with {@link #RECENT}.
     */
    YESTERDAY,
    /**
     * A time of the last hours ("an hour ago", "this morning", "just now", "thori der pehle", «من ساعة», «گھنٹہ پہلے»):
     * an attempt told in its clause, or with {@link #YESTERDAY} there, was just made ("tried to hang myself an hour
     * ago but the rope broke"), and the body may still be in danger: an act, {@code imminent}, not a past attempt to
     * screen (someone else's only with the attempt said: {@code DistressDetector#justAttempted}). A death told with it is not held as a loss: it may have only just happened, and the
     * emergency number comes first.
     */
    RECENT,
    /**
     * Trying, right beside a wish to die or in the words of a past attempt ("tried to", "ki koshish", «حاولت»,
     * «کی کوشش»): with a time of the last day, an attempt just made.
     */
    TRIED,
    /**
     * Doing it again ("do it again", "this time", "phir se", "is dafa", «مرة تانية», «هالمرة»), not negated: beside an
     * attempt told, in the message or before it, the thoughts are back (a past attempt with thoughts now, {@code high});
     * alone it is everyday talk ("loved the trip, want to do it again").
     */
    AGAIN,
    /**
     * Who the writer is, told as an answer ("my name is", "i'm 16", "meri umar", «اسمي», «عمري»): with nothing else of
     * danger in the message, not a danger the model may read into it from the messages before.
     */
    INTRODUCTION,
    /**
     * Someone is with the writer or knows now ("she's with me now", "i told my sister", "ko bata diya", «قلت لأختي»,
     * «جنبي دلوقتي»): support found, told in a message that says nothing else of danger.
     */
    SUPPORTED,
    /**
     * Someone doing well now, told of them ("he's fine now", "doing much better", "ab theek hai", «الحين بخير»):
     * beside someone else's attempt told as long ago, a story of recovery, not a danger now ({@code RiskRules}).
     */
    RECOVERED,
    /**
     * The means put out of reach ("threw the pills away", "ammi ko de di", «رميت الحبوب بالزبالة»): a step to safety,
     * though it names the means.
     */
    PUT_AWAY,
    /** An idiom ("this traffic is killing me") whose words are masked before distress phrases are matched. */
    IDIOM,
    /** The person asks for a human ("talk to a person", "insaan se baat"); not distress, never raises risk. */
    REQUEST_HUMAN;

    /** True for categories that speak of wanting to die or to hurt oneself. */
    public boolean isSelfHarmFamily() {
        return switch (this) {
            case IDEATION, INTENT, PASSIVE_IDEATION, SELF_HARM, PLAN, GOODBYE, CODED, ACT, METHOD_QUESTION -> true;
            default -> false;
        };
    }

    /** True for categories that name how or where: with a wish to die they make it at least {@code high}. */
    public boolean isMeansOrPlan() {
        return switch (this) {
            case MEANS, PLAN, PLACE, PREPARATION, METHOD_QUESTION -> true;
            default -> false;
        };
    }

    /**
     * Cues that tell how to read the phrases around them and carry no risk themselves: negation, a third person, a
     * time long past, weeks ago, a clause word, a negated state, the first person, someone else as a subject, taking
     * in (done or to do), an amount, a question of quantity, dying as a purpose, a report, a worry, doing as someone
     * did, a death told, a time gone by, the day before, the last hours, trying, who the writer is, support found, the
     * means put away, doing it again.
     */
    public boolean isCue() {
        return switch (this) {
            case NEGATION, THIRD_PERSON, LONG_AGO, WEEKS_AGO, CLAUSE, NEGATED_STATE, FIRST_PERSON, OTHER_SUBJECT,
                 INGESTED, TO_INGEST, AMOUNT, HOW_MUCH, DYING, REPORT, WORRY, FOLLOW, DEATH, PAST, YESTERDAY, RECENT,
                 TRIED, INTRODUCTION, SUPPORTED, RECOVERED, PUT_AWAY, AGAIN -> true;
            default -> false;
        };
    }

    /** Phrases of distress themselves: neither a guard, nor a cue, nor a request for a person. */
    public boolean isDistress() {
        return !isGuard() && !isCue() && this != REQUEST_HUMAN;
    }

    /** Guards: their words are masked before distress phrases are matched, and they carry no risk. */
    public boolean isGuard() {
        return this == IDIOM || this == TOPIC;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DistressCategory fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
