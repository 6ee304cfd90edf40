package org.saath.rules;

import java.util.Locale;

/** Where a conversation stands; rules may condition on it and choose the next one. */
public enum DialogueState {
    /** No message yet: the first reply carries the privacy notice. */
    NEW,
    /** Talking with the bot. */
    OPEN,
    /** An escalation to a human has been requested. */
    ESCALATED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DialogueState fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
