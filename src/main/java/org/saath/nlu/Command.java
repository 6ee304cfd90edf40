package org.saath.nlu;

import java.util.Locale;

/**
 * Something a person says to steer the conversation rather than to describe how they feel. The declaration order is
 * the precedence when a message holds phrases of several commands: deleting data first, "show my safety plan" before
 * "safety plan", among language requests the longest phrase wins ("urdu script" over "urdu"), and "I'm fine"
 * before the yes or no it may contain ("nahi main theek hoon" is an answer about how the person is, not a no), and
 * "I'm not safe" before both.
 */
public enum Command {
    DELETE_DATA, SHOW_PLAN, SAFETY_PLAN, GROUNDING,
    /** "english please", "urdu mein baat karo": which language is in {@link Analysis#asksForLanguage()}. */
    SPEAK,
    END_CHAT,
    /**
     * "cancel the counsellor", "mujhe counsellor nahi chahiye", «غيرت رايي ما ابي مستشار»: the person no longer wants
     * a counsellor; the open escalation ends and its partner is told (the s52 QA passes: "actually no, cancel that, i
     * dont want anyone reading my chat" was asked about suicide and the request stayed open). Before the no it holds.
     */
    CANCEL_HUMAN,
    /**
     * "is it a crime?", "pakistan mein yeh jurm hai na?", «هل الانتحار جريمة؟»: the law, which keeps people from asking
     * for help (the s56 QA pass: answered about privacy only). Before {@link #PRIVACY}, which the same message often
     * asks too ("would you tell the police?"): the answer to this one says who Saath tells as well.
     */
    LAW,
    /** "privacy", "who can read this?": what Saath keeps, for how long, and who reads it. */
    PRIVACY,
    /** "what can you do?", "aap kaun ho?", «شو بتقدر تعمل؟»: what Saath is and what it can do for the person. */
    ABOUT,
    /** "more lines", "details": the rest of what the short first reply left out. */
    MORE,
    /**
     * "I'm not safe", "main mehfooz nahi hoon", «لست بأمان»: the answer to "are you safe right now?" that needs the
     * emergency numbers, and said at any point, the same. Before the no it may contain ("no, I'm not safe").
     */
    NOT_SAFE,
    /**
     * "I called and nobody answered", "number doesn't work", «محدش رد»: a line tried and not reached; the lines again,
     * the emergency numbers first, with another to try. After "I'm not safe", which says more.
     */
    NO_ANSWER,
    /**
     * "he hasn't answered me since this morning", "phone band hai", «ما رد علي من الصبح»: someone the writer worries about
     * cannot be reached. After their talk of dying, someone should check on them now (the s55 QA pass: "seems like big
     * pressure, shall I give you numbers?").
     */
    UNREACHABLE,
    /** "please don't call anyone", "police ko mat bulana", «لا تتصل بالشرطة»: fear that the bot will send someone. */
    DONT_CALL,
    /**
     * "can you call them for me?", "i can't talk on the phone", "can i text someone instead?": Saath makes no calls;
     * the lines that take writing, and the emergency number.
     */
    WRITE_INSTEAD,
    /**
     * "can you call an ambulance for me?", "ambulance bhej do", «ابعتلي اسعاف»: Saath can send nobody; the emergency
     * number to call now, and where to say they are.
     */
    CALL_FOR_ME,
    /**
     * "call my mum for me", "ammi ko call kar do", «ممكن تتصل بامي؟»: someone the person knows, to be called or told by
     * Saath, which contacts no one (the s58 QA pass: "I can't help with that"); after danger told, the emergency
     * number as for {@link #CALL_FOR_ME}.
     */
    CALL_SOMEONE,
    /**
     * Not a steer but a body in danger: chest pain or a numb arm ("chest pain and my left arm is numb, is this a panic
     * attack?", «ذراعي اليسار تنمل»). It can be the heart even when it feels like panic: the emergency number now,
     * never a breathing exercise first. Heard from any message, like the other commands.
     */
    BODY_EMERGENCY,
    /**
     * "i won't call anyone", "talk to me instead", «كلمني انت»: the person will not call a line now; Saath stays with
     * them and keeps the lines and the emergency number there.
     */
    WONT_CALL,
    /**
     * "no i didn't go to a doctor", "doctor ke paas nahi gayi", «ما رحت للدكتور»: after self-harm, a wound nobody has
     * seen; and care refused after an act ("i dont want to go to hospital", «مش عايزين اسعاف»). Read only after a
     * crisis (rules {@code no-doctor-after-harm}, {@code care-refused-after-*}); a report of what is happening, not a
     * steer, so its risk is read with the messages before it ({@link #steers()}).
     */
    NO_DOCTOR,
    /**
     * "the ambulance is here", "hum hospital pohanch gaye", «الاسعاف وصل»: help has come after an act; what to tell them,
     * and how the writer is (rule {@code help-arrived}).
     */
    HELP_HERE,
    /**
     * "my friend is very depressed, how do i help her?", "main uski madad kaise karun?", «أساعدها إزاي؟»: the person
     * asks how to help someone else. A report as much as a request, read with the messages before it
     * ({@link #steers()}); the turn is about that other person (the s39 probe: "what is weighing on you most?" to a
     * worried friend).
     */
    HELP_SOMEONE,
    /**
     * A helper's question about the means: "should i remove the razors and pills from her room?", "goliyan chhupa
     * dun?", «اخبي الحبوب؟» (the s55 QA pass: answered "call the emergency number now, if she has taken something").
     */
    REMOVE_MEANS,
    /** A helper's question about what to say: "what do i say to her?", "usay kya kahun?", «شو بقلها؟». */
    WHAT_TO_SAY,
    /**
     * A helper's question about calling: "should i call the police?", "police ko bulaun?", «هل اتصل بالشرطة؟»: when to
     * call the emergency number, and who else can advise. Before "I'll call them" ({@link #CALLING}).
     */
    CALL_POLICE,
    /**
     * "can i talk to a woman counsellor?", "koi aurat counsellor hai?", «في مستشارة بنت؟»: a person asked for, a woman
     * (the s39 probe: the wish was never acknowledged). Saath cannot choose who answers; it says so.
     */
    ASK_WOMAN,
    /** "is it free?", "kitne paise lagte hain?", «الرقم ده مجاني؟»: what calling the lines costs. */
    COST,
    /** "i'll call them now", "abhi call karti hun", «هتصل دلوقتي»: the person is about to call a line. */
    CALLING,
    /**
     * "i called umang, talked to someone for an hour", "Umang pe baat ki", «اتصلت بالخط وحكيت معهم»: a call made, no
     * request for a person (the s55 QA pass: "no counsellor is available through Saath right now").
     */
    CALLED,
    /**
     * A feeling said as the whole message ("sad", "lonely", "udaas hun", «تعبان»): said so, it is heard, not "I'm not
     * sure I understood" (the s55 QA passes).
     */
    FEELING,
    /**
     * A no that names what it denies: "im not having those thoughts", "khud ko kuch nahi karungi", «ایسا نہیں سوچتا»,
     * «ما عندي نية اعمل شي». It answers "are you having thoughts of ending your life?" as a no does (the s52 QA passes:
     * the same question was asked again) and "are you safe right now?" as "I'm fine" does; read on its own, without
     * the messages before it, whose danger it denies. After "I'm not safe", before "I'm fine" and the no it holds.
     */
    DENIES,
    /**
     * "is it haram?", "khudkushi haram hai na?", «الانتحار حرام بس…»: faith asked about. Saath does not answer it nor
     * moralise (../shared/research/reply-review.md): a scholar or someone trusted answers that; many people of faith
     * feel this way; and, where dying was named, the person may say more (the s58 QA pass: "khudkushi haram hai na?"
     * had "I can't help with that", "is it haram to feel like this?" a breathing exercise). After a denial,
     * which may name the faith it keeps («نہیں بیٹا، خودکشی حرام ہے، ایسا نہیں سوچتا»).
     */
    FAITH,
    /** "I'm fine", "main theek hoon", «أنا بخير»: an answer about how the person is, read with what came before. */
    FINE,
    YES,
    /**
     * A bare "ok", "theek hai", «طيب»: it takes an offer ("would you like a breathing exercise?") as a yes does, but it
     * is no answer to "are you safe right now?" or "are you having thoughts of ending your life?": after an overdose,
     * "ok" had been read as "I'm safe" and the emergency numbers dropped (an outside probe, 5 December, night).
     */
    OK,
    /**
     * "maybe", "idk", "shayad", «مدري»: not sure, said as the whole answer. To "are you having thoughts of ending your
     * life?" it is no no, and is taken seriously (the s53 QA passes: "shayad" was asked the same question again, then
     * "hmm" was told Saath cannot help); like {@link #OK}, no answer to "are you safe right now?".
     */
    UNSURE,
    NO, STOP,
    /**
     * Not said but sent: a voice note, a picture, a sticker or a document, which Saath cannot read. Set by the
     * dialogue from the channel's message when no phrase in a caption said anything stronger; no commands file
     * lists it.
     */
    MEDIA;

    /**
     * Whether the command steers the conversation, so that its risk is read without the messages before it ("yes",
     * "stop" are no follow-ups); a report of care refused or not had ({@link #NO_DOCTOR}) is one, read with them, and
     * so are a question about helping someone else ({@link #HELP_SOMEONE}) and someone who cannot be reached
     * ({@link #UNREACHABLE}: "he's not replying now" after a friend's overdose in Dubai is still that emergency, with
     * Dubai's numbers) and a feeling said alone ({@link #FEELING}: "sad" after tablets taken is read with them), faith
     * asked about ({@link #FAITH}: "will allah forgive me" after a plan for tonight is that plan's farewell) and someone
     * to be called ({@link #CALL_SOMEONE}: "call my mum for me" after an overdose is that emergency).
     */
    public boolean steers() {
        return this != NO_DOCTOR && this != HELP_SOMEONE && this != UNREACHABLE && this != FEELING && this != FAITH
                && this != CALL_SOMEONE;
    }

    /**
     * A helper's concrete question about keeping someone safe ({@link #REMOVE_MEANS}, {@link #WHAT_TO_SAY},
     * {@link #CALL_POLICE}): asked after the bot answered a helper, it is still about the other person.
     */
    public boolean helpersQuestion() {
        return this == REMOVE_MEANS || this == WHAT_TO_SAY || this == CALL_POLICE;
    }

    /**
     * Whether the rules count it as a command said ({@code has-command}): not sure ({@link #UNSURE}) and a feeling said
     * alone ({@link #FEELING}) are answers in words that say little, heard as words are except where a rule names them;
     * so is a question about the law ({@link #LAW}), which the law rules answer only about suicide ("is blackmail a
     * crime?" is heard as the blackmail it tells).
     */
    public boolean counted() {
        return this != UNSURE && this != FEELING && this != LAW;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Command fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
