package org.saath.rules;

import java.util.HashSet;
import java.util.Set;

/**
 * Which reply templates speak to a crisis, in one place: a new template that answers someone in danger is added here
 * once, by what it may do. Kept in code, not in {@code templates.yaml}: the safety floor's knowledge of which replies
 * may stand at high and imminent risk is not configuration.
 */
public final class CrisisTemplates {

    /**
     * Replies shaped as crisis replies: their lines are the crisis lines as they stand (the open ones first, the truth
     * when none is open, the emergency numbers where the country has no crisis line), and once the conversation has
     * had a crisis reply their short follow-ups are said rather than the long first text.
     */
    public static final Set<String> SHAPED = Set.of("crisis", "crisis_privacy", "crisis_law_pakistan",
            "crisis_law_elsewhere", "crisis_imminent_law_pakistan", "crisis_third_person",
            "crisis_third_person_imminent", "crisis_imminent", "crisis_means", "dont_call", "write_instead",
            "call_for_me", "wont_call");

    /**
     * Replies fit to stand at {@code high} risk: the safety floor leaves them as the rules chose. Besides the shaped
     * ones: {@code not_safe} ("I'm not safe", the emergency numbers first), {@code line_unanswered} (a call nobody
     * answered), {@code calling} ("I'll call them now"), {@code wound_care} (a wound nobody has seen),
     * {@code suicide_loss} (a death by suicide told: the loss, the emergency number if it has just happened, and the
     * direct question), the first steps until help comes after an act and the answer to care refused after one, the
     * person's own or someone else's, {@code helper_shaken} (a helper's own distress, the emergency numbers first for
     * the other person), {@code help_arrived} (help has come: what to tell them, and how the writer is) and
     * {@code unreachable} (someone who spoke of dying cannot be reached: someone to check on them, the emergency number)
     * {@code self_harm_coping} (hurting oneself to cope, a wish to die denied: the wound, other ways, the lines) and
     * {@code body_emergency} (chest pain, a numb arm: the emergency number now; its rule steps aside for a message that
     * tells the person's own danger).
     */
    public static final Set<String> FIT_AT_HIGH = union(SHAPED, Set.of("not_safe", "line_unanswered", "calling",
            "wound_care", "suicide_loss", "first_steps", "first_steps_helper", "care_refused",
            "care_refused_helper", "helper_shaken", "help_arrived", "unreachable", "baby_harm_now", "self_harm_coping",
            "body_emergency"));

    /**
     * Replies fit to stand at {@code imminent} risk: they lead with the emergency numbers and ask no screening
     * question. Besides {@code crisis_imminent}: {@code not_safe} (asking "are you safe right now?" of someone who has
     * just said they are not would be the wrong question), {@code line_unanswered} (the emergency numbers first
     * again), and the answers to what a person asks of Saath in danger, each with the emergency numbers first while an
     * act or a plan for now is remembered: {@code dont_call} (Saath calls nobody), {@code write_instead} (they cannot
     * talk on the phone), {@code call_for_me} (Saath sends nobody), {@code first_steps} (after an act of their own,
     * what to do until help comes), {@code care_refused} / {@code care_refused_helper} (a doctor now all the
     * same), {@code baby_harm_now} (harming the baby feared now: the baby out of reach, then the emergency number) and
     * {@code crisis_imminent_law_pakistan} (the emergency reply with the one law fact Saath holds, asked in Pakistan).
     */
    public static final Set<String> FIT_AT_IMMINENT = Set.of("crisis_imminent", "crisis_imminent_law_pakistan",
            "not_safe", "line_unanswered",
            "dont_call", "write_instead", "call_for_me", "first_steps", "care_refused", "care_refused_helper",
            "baby_harm_now");

    /**
     * Replies to someone who wrote about another person's danger: the helper's crisis replies, the first steps and the
     * answer to care refused after someone else's act, the reply to a helper's own distress, and to abuse of someone
     * else (a teacher's "which office do I report to? we're in Lahore" had "I'm so sorry this is happening to you": the
     * s55 QA pass), and the reply to someone who cannot be reached. The helper's next message ("what do i do", "she's
     * not answering") is read as still about the other person.
     */
    public static final Set<String> TO_A_HELPER = Set.of("crisis_third_person", "crisis_third_person_imminent",
            "first_steps_helper", "care_refused_helper", "helper_shaken", "abuse_violence_helper", "unreachable");

    /**
     * Replies of an emergency still going on, until help comes: the emergency replies, the first steps, the answers to
     * care refused, to "I'm calling", to a call unanswered, to "don't call anyone". While the bot's last reply was one of
     * them, the act the conversation remembers still sets what follows; after "help is here" ({@code help_arrived}) or
     * any other reply it no longer does ("they said i will be ok" must not be told to call the emergency number now).
     */
    public static final Set<String> UNTIL_HELP_COMES = union(FIT_AT_IMMINENT, Set.of("crisis_third_person_imminent",
            "first_steps_helper", "safe_after_act", "helper_shaken", "calling", "wont_call"));

    private CrisisTemplates() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
