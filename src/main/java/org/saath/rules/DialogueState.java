package org.saath.rules;

import java.util.Locale;

/** Where a conversation stands; rules may condition on it and choose the next one. */
public enum DialogueState {
    /** No message yet: the first reply carries the privacy notice. */
    NEW,
    /** Talking with the bot. */
    OPEN,
    /** The bot asked "would you like to talk to a counsellor?": a yes or no answers it. */
    OFFERED_COUNSELLOR,
    /** The bot asked "shall I share some helplines?". */
    OFFERED_HELPLINES,
    /** The bot offered a short grounding exercise. */
    OFFERED_GROUNDING,
    /** The bot asked directly about thoughts of suicide; a "no" does not close the check. */
    CRISIS_CHECK,
    /** The bot asked "are you safe right now?": a "no" brings the emergency numbers first. */
    SAFETY_CHECK,
    /** The bot asked whether a counsellor may read the conversation so far. */
    CONSENT_ASKED,
    /** Building a safety plan, one step at a time. */
    SAFETY_PLAN,
    /** An escalation to a human has been requested. */
    ESCALATED,
    /**
     * Help has come after an act ("the ambulance is here", "im at the hospital now"): what follows is heard as the time
     * after it, until a wish, a plan or an act is told again.
     */
    CARED_FOR,
    /** The person said stop; the next message they send reopens the conversation. */
    STOPPED;

    /** Whether the bot, having moved here, waits for a yes or a no (channels with buttons offer them). */
    public boolean asksYesNo() {
        return this == OFFERED_COUNSELLOR || this == OFFERED_HELPLINES || this == OFFERED_GROUNDING
                || this == CRISIS_CHECK || this == SAFETY_CHECK || this == CONSENT_ASKED;
    }

    /**
     * Where a message written now finds the conversation: after "stop" or "end chat", open again. A rule that names no
     * next state had kept it stopped, and each such turn ended the escalation the turn before had opened ("I still
     * want to", after "end chat" and "hello?", closed the request "hello?" had opened: the s54 QA pass).
     */
    public DialogueState written() {
        return this == STOPPED ? OPEN : this;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DialogueState fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
